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

/// <param name="LinkedId">The client record's id (Client) or the therapist's id (Therapist).</param>
public sealed record AccountInvitation(string Email, string DisplayName, PracticeRole Role, Guid? LinkedId);

/// <summary>
/// The clinic's therapists, for modules that assign or book them. The Scheduling module answers it from the therapists'
/// profiles and credentials; without Scheduling the platform lists the accounts in the Therapist role, whose
/// bookability nobody can judge (<see cref="TherapistBookability.Unknown"/>).
/// </summary>
public interface ITherapistDirectory
{
    Task<IReadOnlyList<TherapistSummary>> ListAsync(CancellationToken cancellationToken);

    Task<TherapistSummary?> FindAsync(Guid therapistId, CancellationToken cancellationToken);
}

public sealed record TherapistSummary(Guid Id, string DisplayName, TherapistBookability Bookability)
{
    /// <summary>Only a therapist known to be bookable is booked: an unknown bookability is not a yes.</summary>
    public bool MayBeBooked => Bookability == TherapistBookability.Bookable;

    /// <summary>Why the therapist may not be booked, in a few words for a page; null when they may.</summary>
    public string? NotBookableReason => Bookability switch
    {
        TherapistBookability.LicenceLapsed => "licence lapsed",
        TherapistBookability.AccountDeactivated => "account deactivated",
        TherapistBookability.Unknown => "bookability unknown",
        _ => null,
    };
}

public enum TherapistBookability
{
    Bookable,

    /// <summary>A licence (required to practise) is past its expiry date in the clinic's calendar.</summary>
    LicenceLapsed,

    /// <summary>A manager deactivated the therapist's account.</summary>
    AccountDeactivated,

    /// <summary>No module keeps therapists' credentials (Scheduling is not enabled).</summary>
    Unknown,
}

/// <summary>The accounts in the Therapist role, from the platform: who the clinic's therapists are.</summary>
public interface ITherapistAccounts
{
    Task<IReadOnlyList<TherapistAccount>> ListAsync(CancellationToken cancellationToken);
}

/// <param name="TherapistId">The id other modules know the therapist by (kept if the account changes role and back).</param>
/// <param name="Deactivated">A manager deactivated the account: the therapist is not booked.</param>
public sealed record TherapistAccount(Guid TherapistId, string DisplayName, bool Deactivated);
