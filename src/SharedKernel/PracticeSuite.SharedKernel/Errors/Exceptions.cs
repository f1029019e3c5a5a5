namespace PracticeSuite.SharedKernel.Errors;

/// <summary>
/// Input that breaks a request's rules. Field names are the request's property names; the API answers
/// with a 400 validation problem and pages show the messages beside the fields.
/// </summary>
public sealed class RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("The request is not valid: " + string.Join("; ", errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static RequestValidationException For(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>The record the caller asked for does not exist (or the caller may not know that it does).</summary>
public sealed class NotFoundException(string what, object id) : Exception($"{what} '{id}' was not found.")
{
    public string What { get; } = what;
}

/// <summary>A valid request that the current state of the domain does not allow (answered with 409).</summary>
public sealed class BusinessRuleException(string code, string message) : Exception(message)
{
    /// <summary>A stable, machine-readable reason, e.g. <c>consent.missing</c>.</summary>
    public string Code { get; } = code;
}
