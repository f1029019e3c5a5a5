using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Identity;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Testing;

/// <summary>Stands in for the platform's audit store: keeps what the pipeline declared in memory and reads it back.</summary>
public sealed class InMemoryAuditTrail(FakeTimeProvider clock) : IAuditTrail, IAuditTimeline
{
    private readonly ConcurrentQueue<(DateTime At, AuditSubject Subject)> _timed = new();

    public ConcurrentQueue<AuditSubject> Entries { get; } = new();

    /// <summary>The same entries with who made the request, as the platform's trail adds them (written through <see cref="For"/>).</summary>
    public ConcurrentQueue<AuditedBy> WithActors { get; } = new();

    public Task RecordAsync(AuditSubject subject, CancellationToken cancellationToken)
    {
        Entries.Enqueue(subject);
        _timed.Enqueue((clock.GetUtcNow().UtcDateTime, subject));
        return Task.CompletedTask;
    }

    /// <summary>The trail as one request's scope sees it: each entry also keeps the caller's account id and role.</summary>
    public IAuditTrail For(ICurrentUser user) => new ForCaller(this, user);

    public Task<IReadOnlyList<AuditTimelineEntry>> ForClientAsync(Guid clientId, bool includeReads, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AuditTimelineEntry>>(_timed
            .Where(t => t.Subject.ClientId == clientId && (includeReads || t.Subject.Action.Kind == AuditKind.Change))
            .Reverse().Take(limit)
            .Select(t => new AuditTimelineEntry(t.At, "Someone (Manager)", t.Subject.Action.Description, t.Subject.Action.Kind, t.Subject.Action.Code)).ToList());
}

/// <summary>An audit entry with the account id and role of the person whose request wrote it (null for the system).</summary>
public sealed record AuditedBy(AuditSubject Subject, string? UserId, PracticeRole? Role);

internal sealed class ForCaller(InMemoryAuditTrail trail, ICurrentUser user) : IAuditTrail
{
    public async Task RecordAsync(AuditSubject subject, CancellationToken cancellationToken)
    {
        trail.WithActors.Enqueue(new AuditedBy(subject, user.UserId, user.Role));
        await trail.RecordAsync(subject, cancellationToken);
    }
}

/// <summary>Stands in for the platform's accounts: records invitations, erasures and notices to managers instead of acting on accounts.</summary>
public sealed class RecordingAccounts : IAccounts
{
    public ConcurrentQueue<AccountInvitation> Invitations { get; } = new();

    public ConcurrentQueue<Guid> ErasedClients { get; } = new();

    public Task<string> InviteAsync(AccountInvitation invitation, CancellationToken cancellationToken)
    {
        Invitations.Enqueue(invitation);
        return Task.FromResult("account-" + invitation.LinkedId);
    }

    public Task<string?> FindUserIdForClientAsync(Guid clientId, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public ConcurrentQueue<Guid> WithdrawnInvitations { get; } = new();

    public Task WithdrawClientInvitationsAsync(Guid clientId, CancellationToken cancellationToken)
    {
        WithdrawnInvitations.Enqueue(clientId);
        return Task.CompletedTask;
    }

    public Task EraseClientAccountAsync(Guid clientId, CancellationToken cancellationToken)
    {
        ErasedClients.Enqueue(clientId);
        return Task.CompletedTask;
    }

    public ConcurrentQueue<ManagerNotice> ManagerNotices { get; } = new();

    public Task TellManagersAsync(ManagerNotice notice, CancellationToken cancellationToken)
    {
        ManagerNotices.Enqueue(notice);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Stands in for the platform's therapist accounts: <see cref="People"/>' two therapists, both active until a test
/// deactivates one (<see cref="Deactivate"/>; the double is one per host). Their licences are the Scheduling module's.
/// </summary>
public sealed class TwoTherapistAccounts : ITherapistAccounts
{
    private readonly ConcurrentDictionary<Guid, bool> _deactivated = new();

    public void Deactivate(Guid therapistId) => _deactivated[therapistId] = true;

    public void Reactivate(Guid therapistId) => _deactivated.TryRemove(therapistId, out _);

    public Task<IReadOnlyList<TherapistAccount>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TherapistAccount>>(
        [
            new(People.TherapistA, "Tara Therapist", _deactivated.ContainsKey(People.TherapistA)),
            new(People.TherapistB, "Theo Therapist", _deactivated.ContainsKey(People.TherapistB)),
        ]);
}

/// <summary>
/// Stands in for the platform's e-mail queue where a module's test host asks for it: keeps each queued message, its
/// attachments' bytes included, once per idempotency key, as the queue does.
/// </summary>
public sealed class RecordingEmailSender : IEmailSender
{
    private readonly ConcurrentDictionary<string, EmailMessage> _byKey = new(StringComparer.Ordinal);

    public ConcurrentQueue<EmailMessage> Messages { get; } = new();

    public Task QueueAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_byKey.TryAdd(message.IdempotencyKey, message))
        {
            Messages.Enqueue(message with { Attachments = message.Attachments?.ToList() });
        }

        return Task.CompletedTask;
    }
}
