using PracticeSuite.SharedKernel.Identity;

namespace PracticeSuite.SharedKernel.Hosting.Platform;

/// <summary>Account operations the host offers modules: inviting people and erasing their account data.</summary>
public interface IAccounts
{
    /// <summary>Creates (or reuses) an account linked to a client record or therapist profile and e-mails an invitation.</summary>
    Task<string> InviteAsync(AccountInvitation invitation, CancellationToken cancellationToken);

    /// <summary>The account linked to a client record, if any.</summary>
    Task<string?> FindUserIdForClientAsync(Guid clientId, CancellationToken cancellationToken);

    /// <summary>
    /// Makes the portal invitations not yet accepted by the client's account stop working (the client was archived);
    /// a manager invites again after restoring the record.
    /// </summary>
    Task WithdrawClientInvitationsAsync(Guid clientId, CancellationToken cancellationToken);

    /// <summary>Deletes the account linked to a client and anonymises its e-mail log; audit entries (ids only) stay.</summary>
    Task EraseClientAccountAsync(Guid clientId, CancellationToken cancellationToken);

    /// <summary>
    /// E-mails every active manager (an account whose invitation was accepted) about something they must know. Inside
    /// a command the messages are queued in its transaction: they go out only if the change commits.
    /// </summary>
    Task TellManagersAsync(ManagerNotice notice, CancellationToken cancellationToken);
}

/// <param name="Text">What happened, in plain words: people's roles and names, never health information.</param>
/// <param name="Path">The page it concerns, from the site's root (e.g. <c>/Clients/{id}</c>); sent as a link at the clinic's address.</param>
/// <param name="Kind">What the message is for, as in <see cref="EmailMessage.Kind"/>.</param>
/// <param name="Key">What caused it, unique per occurrence: each manager's message is sent once for it.</param>
public sealed record ManagerNotice(string Subject, string Text, string Path, string Kind, string Key);

/// <param name="LinkedId">The client record's id (Client) or the therapist profile's id (Therapist).</param>
public sealed record AccountInvitation(string Email, string DisplayName, PracticeRole Role, Guid? LinkedId);

/// <summary>The clinic's therapists, owned by the host, for modules that assign or book them.</summary>
public interface ITherapistDirectory
{
    Task<IReadOnlyList<TherapistSummary>> ListAsync(CancellationToken cancellationToken);

    Task<TherapistSummary?> FindAsync(Guid therapistId, CancellationToken cancellationToken);
}

/// <param name="MayBeBooked">False when a required licence has lapsed.</param>
public sealed record TherapistSummary(Guid Id, string DisplayName, bool MayBeBooked);
