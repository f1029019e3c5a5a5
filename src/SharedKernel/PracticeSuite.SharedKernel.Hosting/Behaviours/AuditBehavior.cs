using MediatR;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.SharedKernel.Hosting.Behaviours;

/// <summary>
/// Audits a request that declares <see cref="IAuditedRequest{TResponse}"/>, once it has succeeded. It runs inside
/// the unit of work, so a change's entry commits with the change; a read's entry is stored before the response
/// returns. A request (one page or API call) writes one read entry per client: the pieces a page assembles
/// after its main read (header, flags) add nothing.
/// </summary>
public sealed class AuditBehavior<TRequest, TResponse>(IAuditTrail trail, AuditedInThisScope scope)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var response = await next();
        if (request is IAuditedRequest<TResponse> audited && audited.DescribeAudit(response) is { } subject && scope.IsFirst(subject))
        {
            await trail.RecordAsync(subject, cancellationToken);
        }

        return response;
    }
}

/// <summary>The records read so far in this scope (an HTTP request or a job), so each is audited as read once.</summary>
public sealed class AuditedInThisScope
{
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    /// <summary>True for every change, and for the first read of a client (or of a record outside any client).</summary>
    public bool IsFirst(AuditSubject subject) =>
        subject.Action.Kind == AuditKind.Change
        || _read.Add(subject.ClientId is { } clientId ? $"client:{clientId}" : $"{subject.RecordType}:{subject.RecordId}");
}
