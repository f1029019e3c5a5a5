using MediatR;

namespace PracticeSuite.SharedKernel.Hosting.Behaviours;

/// <summary>
/// A record-level check a module runs for a request before it is validated: a caller who may not reach the
/// record is refused (typically as "not found") without learning anything from field errors.
/// </summary>
public interface IRequestAccessCheck<in TRequest>
{
    Task EnsureAllowedAsync(TRequest request, CancellationToken cancellationToken);
}

/// <summary>Runs the request's access checks, if any, before validation and the handler.</summary>
public sealed class AccessCheckBehavior<TRequest, TResponse>(IEnumerable<IRequestAccessCheck<TRequest>> checks)
    : IPipelineBehavior<TRequest, TResponse>
{
    private readonly IRequestAccessCheck<TRequest>[] _checks = checks.ToArray();

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        foreach (var check in _checks)
        {
            await check.EnsureAllowedAsync(request, cancellationToken);
        }

        return await next();
    }
}
