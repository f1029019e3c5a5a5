using System.Text.RegularExpressions;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Clients.Domain;
using PracticeSuite.Modules.Clients.Infrastructure;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Identity;
using PracticeSuite.SharedKernel.Messaging;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Clients.Application;

/// <summary>The editable personal details, shared by registration and updates (and their validation).</summary>
public abstract record ClientDetailsInput
{
    public string GivenName { get; init; } = "";
    public string FamilyName { get; init; } = "";
    public DateOnly? DateOfBirth { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Address { get; init; }
    public string? EmergencyContactName { get; init; }
    public string? EmergencyContactPhone { get; init; }
    public string TimeZone { get; init; } = ClinicCalendar.DefaultTimeZoneId;
    public PressurePreference PressurePreference { get; init; }
    public string? PainThresholdNotes { get; init; }

    /// <summary>The details to store; call after validation (the date of birth is then present).</summary>
    public ClientDetails ToDetails() => new(
        GivenName, FamilyName, DateOfBirth!.Value, Email, Phone, Address,
        EmergencyContactName, EmergencyContactPhone, TimeZone, PressurePreference, PainThresholdNotes);
}

public abstract partial class ClientDetailsValidator<T> : AbstractValidator<T> where T : ClientDetailsInput
{
    public const int MaxAgeYears = 120;

    protected ClientDetailsValidator(ClinicCalendar calendar)
    {
        RuleFor(c => c.GivenName).NotEmpty().WithMessage("Enter the given name.").MaximumLength(ClientsDbContext.NameLength);
        RuleFor(c => c.FamilyName).NotEmpty().WithMessage("Enter the family name.").MaximumLength(ClientsDbContext.NameLength);
        RuleFor(c => c.DateOfBirth).NotNull().WithMessage("Enter the date of birth.");
        RuleFor(c => c.DateOfBirth)
            .Must(dob => dob!.Value <= calendar.Today).WithMessage("The date of birth cannot be in the future.")
            .Must(dob => dob!.Value >= calendar.Today.AddYears(-MaxAgeYears)).WithMessage($"The date of birth is more than {MaxAgeYears} years ago.")
            .When(c => c.DateOfBirth is not null);
        RuleFor(c => c.Email!)
            .MaximumLength(ClientsDbContext.EmailLength)
            .Must(IsEmail).WithMessage("Enter a valid e-mail address, like name@example.com.")
            .When(c => !string.IsNullOrWhiteSpace(c.Email));
        RuleFor(c => c.Phone!).Must(IsPhone).WithMessage("Enter a valid phone number (digits, spaces, +, brackets or dashes; 7 to 15 digits).")
            .When(c => !string.IsNullOrWhiteSpace(c.Phone));
        RuleFor(c => c.EmergencyContactPhone!).Must(IsPhone).WithMessage("Enter a valid phone number for the emergency contact.")
            .When(c => !string.IsNullOrWhiteSpace(c.EmergencyContactPhone));
        RuleFor(c => c.EmergencyContactName).MaximumLength(ClientsDbContext.NameLength);
        RuleFor(c => c.Address).MaximumLength(500);
        RuleFor(c => c.PainThresholdNotes).MaximumLength(ClientsDbContext.TextLength);
        RuleFor(c => c.TimeZone).Must(IsTimeZone).WithMessage("Choose a known time zone, e.g. Europe/London.");
        RuleFor(c => c.PressurePreference).IsInEnum().WithMessage("Choose a pressure preference.");
    }

    public static bool IsEmail(string email) => EmailPattern().IsMatch(email.Trim());

    public static bool IsPhone(string phone)
    {
        var trimmed = phone.Trim();
        var digits = SearchText.Digits(trimmed).Length;
        return PhonePattern().IsMatch(trimmed) && digits is >= 7 and <= 15;
    }

    public static bool IsTimeZone(string? id) => !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out _);

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9 ()\-.]+$")]
    private static partial Regex PhonePattern();
}

// ---------------------------------------------------------------- register

/// <param name="ConfirmedNotDuplicate">The caller saw the likely duplicates and registers a new client anyway.</param>
public sealed record RegisterClient : ClientDetailsInput, ICommand<Guid>, IAuditedRequest<Guid>
{
    public AuditSubject DescribeAudit(Guid clientId) => ClientAudit.OnRecord(ClientAudit.Registered, clientId);

    public bool ConfirmedNotDuplicate { get; init; }
}

public sealed class RegisterClientValidator(ClinicCalendar calendar) : ClientDetailsValidator<RegisterClient>(calendar);

public sealed class RegisterClientHandler(ClientsDbContext db, ClinicCalendar calendar, IMediator mediator) : IRequestHandler<RegisterClient, Guid>
{
    public async Task<Guid> Handle(RegisterClient request, CancellationToken cancellationToken)
    {
        if (!request.ConfirmedNotDuplicate)
        {
            var duplicates = await mediator.Send(new FindLikelyDuplicates(request.Email, request.GivenName, request.FamilyName, request.DateOfBirth), cancellationToken);
            if (duplicates.Count > 0)
            {
                throw new BusinessRuleException("client.likely-duplicate",
                    $"{duplicates.Count} existing client(s) have the same e-mail, or the same name and date of birth. Check them, then confirm this is a different person.");
            }
        }

        var client = Client.Register(Guid.CreateVersion7(), request.ToDetails(), calendar.UtcNow);
        db.Clients.Add(client);
        db.EnqueueIntegrationEvent(new ClientRegistered(client.Id));
        return client.Id;
    }
}

/// <summary>Existing clients that are probably the same person: same e-mail, or same name and date of birth.</summary>
public sealed record FindLikelyDuplicates(string? Email, string? GivenName, string? FamilyName, DateOnly? DateOfBirth, Guid? ExceptClientId = null)
    : IQuery<IReadOnlyList<ClientListItem>>;

public sealed class FindLikelyDuplicatesHandler(ClientsDbContext db, ClientAccess access) : IRequestHandler<FindLikelyDuplicates, IReadOnlyList<ClientListItem>>
{
    public async Task<IReadOnlyList<ClientListItem>> Handle(FindLikelyDuplicates request, CancellationToken cancellationToken)
    {
        var email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim().ToLowerInvariant();
        var fullName = SearchText.Normalise($"{request.GivenName} {request.FamilyName}");
        var byName = fullName.Length > 0 && request.DateOfBirth is not null;
        if (email is null && !byName)
        {
            return [];
        }

        // Every client counts, visible or not: a therapist must not create a second record for someone a colleague treats.
        // Only what identifies the match is returned; the caller may open it only if it is visible to them.
        var matches = await db.Clients.AsNoTracking()
            .Where(c => c.ErasedAt == null && c.Id != request.ExceptClientId)
            .Where(c => (email != null && c.NormalisedEmail == email) || (byName && c.NormalisedFullName == fullName && c.DateOfBirth == request.DateOfBirth))
            .OrderBy(c => c.SortName)
            .Take(20)
            .Select(ClientListItem.Projection)
            .ToListAsync(cancellationToken);
        var visible = await access.Visible().Where(c => matches.Select(m => m.Id).Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
        return matches.Select(m => m with { Visible = visible.Contains(m.Id) }).ToList();
    }
}

// ---------------------------------------------------------------- details, preferences, care team

public sealed record UpdateClientDetails : ClientDetailsInput, ICommand, IClientRecordRequest, IAuditedRequest<Unit>
{
    public AuditSubject DescribeAudit(Unit _) => ClientAudit.OnRecord(ClientAudit.DetailsUpdated, ClientId);

    public Guid ClientId { get; init; }
}

public sealed class UpdateClientDetailsValidator(ClinicCalendar calendar) : ClientDetailsValidator<UpdateClientDetails>(calendar);

public sealed class UpdateClientDetailsHandler(ClientsDbContext db, ClientAccess access) : IRequestHandler<UpdateClientDetails, Unit>
{
    public async Task<Unit> Handle(UpdateClientDetails request, CancellationToken cancellationToken)
    {
        var client = await access.GetForUpdateAsync(request.ClientId, cancellationToken);
        client.UpdateDetails(request.ToDetails());
        db.EnqueueIntegrationEvent(new ClientDetailsChanged(client.Id));
        return Unit.Value;
    }
}

public sealed record ContactPreferenceInput(ContactKind Kind, ContactChannel Channel, bool Allowed);

public sealed record UpdateContactPreferences : ICommand, IClientRecordRequest, IAuditedRequest<Unit>
{
    public AuditSubject DescribeAudit(Unit _) => ClientAudit.OnRecord(ClientAudit.ContactPreferencesUpdated, ClientId);

    public Guid ClientId { get; init; }
    public List<ContactPreferenceInput> Preferences { get; init; } = [];
}

public sealed class UpdateContactPreferencesValidator : AbstractValidator<UpdateContactPreferences>
{
    public UpdateContactPreferencesValidator()
    {
        RuleForEach(c => c.Preferences).ChildRules(p =>
        {
            p.RuleFor(x => x.Kind).IsInEnum().WithMessage("Unknown kind of message.");
            p.RuleFor(x => x.Channel).IsInEnum().WithMessage("Unknown channel.");
        });
        RuleFor(c => c.Preferences)
            .Must(list => list.Select(p => (p.Kind, p.Channel)).Distinct().Count() == list.Count)
            .WithMessage("Each kind and channel may appear only once.");
    }
}

public sealed class UpdateContactPreferencesHandler(ClientsDbContext db, ClientAccess access) : IRequestHandler<UpdateContactPreferences, Unit>
{
    public async Task<Unit> Handle(UpdateContactPreferences request, CancellationToken cancellationToken)
    {
        var client = await access.GetForUpdateAsync(request.ClientId, cancellationToken);
        foreach (var preference in request.Preferences)
        {
            client.SetContactPreference(preference.Kind, preference.Channel, preference.Allowed);
        }

        db.EnqueueIntegrationEvent(new ClientDetailsChanged(client.Id));
        return Unit.Value;
    }
}

/// <summary>Sets who treats the client, preferred therapist first. Staff only.</summary>
public sealed record SetCareTeam : ICommand, IClientRecordRequest, IAuditedRequest<Unit>
{
    public AuditSubject DescribeAudit(Unit _) => ClientAudit.OnRecord(ClientAudit.CareTeamSet, ClientId);

    public Guid ClientId { get; init; }

    /// <summary>The whole team, preferred first. Required: an empty list clears the team, a missing one is an error.</summary>
    public List<Guid>? TherapistIds { get; init; }
}

public sealed class SetCareTeamValidator : AbstractValidator<SetCareTeam>
{
    public const int MaxTeamSize = 10;

    // Whether each therapist exists is checked by the handler: validators are single instances and must not
    // hold on to the host's (possibly scoped) therapist directory.
    public SetCareTeamValidator()
    {
        RuleFor(c => c.TherapistIds).NotNull().WithMessage("List the care team's therapists (an empty list clears the team).");
        RuleFor(c => c.TherapistIds!)
            .Must(ids => ids.Distinct().Count() == ids.Count).WithMessage("A therapist can be on the care team only once.")
            .Must(ids => ids.Count <= MaxTeamSize).WithMessage($"A care team has at most {MaxTeamSize} therapists.")
            .When(c => c.TherapistIds is not null);
    }
}

public sealed class SetCareTeamHandler(ClientsDbContext db, ClientAccess access, ITherapistDirectory therapists) : IRequestHandler<SetCareTeam, Unit>
{
    public async Task<Unit> Handle(SetCareTeam request, CancellationToken cancellationToken)
    {
        var therapistIds = request.TherapistIds ?? [];
        for (var index = 0; index < therapistIds.Count; index++)
        {
            if (await therapists.FindAsync(therapistIds[index], cancellationToken) is null)
            {
                throw RequestValidationException.For($"TherapistIds[{index}]", "Choose a therapist of this clinic.");
            }
        }

        var client = await access.GetForUpdateAsync(request.ClientId, cancellationToken);
        client.SetCareTeam(therapistIds);
        db.EnqueueIntegrationEvent(new ClientDetailsChanged(client.Id));
        return Unit.Value;
    }
}

// ---------------------------------------------------------------- archive, restore, invite

public sealed record ArchiveClient(Guid ClientId) : ICommand, IClientRecordRequest, IAuditedRequest<Unit>
{
    public AuditSubject DescribeAudit(Unit _) => ClientAudit.OnRecord(ClientAudit.Archived, ClientId);
}

public sealed class ArchiveClientHandler(ClientsDbContext db, ClientAccess access, ClinicCalendar calendar) : IRequestHandler<ArchiveClient, Unit>
{
    public async Task<Unit> Handle(ArchiveClient request, CancellationToken cancellationToken)
    {
        var client = await access.GetForUpdateAsync(request.ClientId, cancellationToken);
        if (!client.IsArchived)
        {
            client.Archive(calendar.UtcNow);
            db.EnqueueIntegrationEvent(new ClientArchived(client.Id));
        }

        return Unit.Value;
    }
}

public sealed record RestoreClient(Guid ClientId) : ICommand, IClientRecordRequest, IAuditedRequest<Unit>
{
    public AuditSubject DescribeAudit(Unit _) => ClientAudit.OnRecord(ClientAudit.Restored, ClientId);
}

public sealed class RestoreClientHandler(ClientsDbContext db, ClientAccess access) : IRequestHandler<RestoreClient, Unit>
{
    public async Task<Unit> Handle(RestoreClient request, CancellationToken cancellationToken)
    {
        var client = await access.GetForUpdateAsync(request.ClientId, cancellationToken);
        if (client.IsArchived)
        {
            client.Restore();
            db.EnqueueIntegrationEvent(new ClientRestored(client.Id));
        }

        return Unit.Value;
    }
}

/// <summary>Invites the client to the portal (an account linked to this record) by e-mail. Manager only.</summary>
public sealed record InviteClientToPortal(Guid ClientId) : ICommand<string>, IClientRecordRequest, IAuditedRequest<string>
{
    public AuditSubject DescribeAudit(string _) => ClientAudit.OnRecord(ClientAudit.InvitedToPortal, ClientId);
}

public sealed class InviteClientToPortalHandler(ClientAccess access, IAccounts accounts) : IRequestHandler<InviteClientToPortal, string>
{
    public async Task<string> Handle(InviteClientToPortal request, CancellationToken cancellationToken)
    {
        var client = await access.GetForUpdateAsync(request.ClientId, cancellationToken);
        if (client.IsErased || client.IsArchived)
        {
            throw new BusinessRuleException("client.inactive", "Restore the client before inviting them to the portal.");
        }

        if (client.Email is null)
        {
            throw new BusinessRuleException("client.no-email", "Add the client's e-mail address before inviting them to the portal.");
        }

        var userId = await accounts.InviteAsync(new AccountInvitation(client.Email, client.DisplayName, PracticeRole.Client, client.Id), cancellationToken);
        client.LinkPortalAccount(userId);
        return userId;
    }
}

// ---------------------------------------------------------------- reading a record

public sealed record ClientListItem(Guid Id, string DisplayName, string? Email, string? Phone, DateOnly? DateOfBirth, bool Archived, bool Visible = true)
{
    public static readonly System.Linq.Expressions.Expression<Func<Client, ClientListItem>> Projection = c =>
        new ClientListItem(c.Id, c.ErasedAt == null ? c.GivenName + " " + c.FamilyName : Client.ErasedName, c.Email, c.Phone, c.DateOfBirth, c.ArchivedAt != null, true);
}

public sealed record CareTeamEntry(Guid TherapistId, string DisplayName, bool MayBeBooked, bool Preferred);

public sealed record ConsentStatus(int CurrentVersion, int? SignedVersion, DateTime? SignedAt)
{
    public bool SignedCurrent => SignedVersion == CurrentVersion;
}

public sealed record ClientRecord(
    Guid Id,
    string DisplayName,
    string GivenName,
    string FamilyName,
    DateOnly? DateOfBirth,
    string? Email,
    string? Phone,
    string? Address,
    string? EmergencyContactName,
    string? EmergencyContactPhone,
    string TimeZone,
    PressurePreference PressurePreference,
    string? PainThresholdNotes,
    IReadOnlyList<ContactPreference> ContactPreferences,
    IReadOnlyList<CareTeamEntry> CareTeam,
    ConsentStatus Consent,
    int? LatestIntakeVersion,
    bool HasPortalAccount,
    DateTime RegisteredAt,
    bool Archived,
    bool Erased);

/// <summary>The whole record; pressure preference and pain-threshold notes are health information, so it is audited.</summary>
public sealed record GetClientRecord(Guid ClientId) : IQuery<ClientRecord>, IClientRecordRequest, IAuditedRequest<ClientRecord>
{
    public AuditSubject DescribeAudit(ClientRecord _) => ClientAudit.OnRecord(ClientAudit.RecordRead, ClientId);
}

public sealed class GetClientRecordHandler(ClientsDbContext db, ClientAccess access, ITherapistDirectory therapists)
    : IRequestHandler<GetClientRecord, ClientRecord>
{
    public async Task<ClientRecord> Handle(GetClientRecord request, CancellationToken cancellationToken)
    {
        var client = await access.GetAsync(request.ClientId, cancellationToken);
        var team = new List<CareTeamEntry>();
        foreach (var member in client.CareTeam.OrderBy(m => m.Position))
        {
            var therapist = await therapists.FindAsync(member.TherapistId, cancellationToken);
            team.Add(new CareTeamEntry(member.TherapistId, therapist?.DisplayName ?? "Former therapist", therapist?.MayBeBooked ?? false, member.Position == 0));
        }

        var consent = await ConsentQueries.StatusAsync(db, client.Id, cancellationToken);
        var latestIntake = await db.Intakes.Where(i => i.ClientId == client.Id).MaxAsync(i => (int?)i.Version, cancellationToken);
        return new ClientRecord(
            client.Id, client.DisplayName, client.GivenName, client.FamilyName, client.DateOfBirth, client.Email, client.Phone, client.Address,
            client.EmergencyContactName, client.EmergencyContactPhone, client.TimeZone, client.PressurePreference, client.PainThresholdNotes,
            ContactPreferencesOf(client), team, consent, latestIntake, client.PortalUserId is not null, client.RegisteredAt, client.IsArchived, client.IsErased);
    }

    public static IReadOnlyList<ContactPreference> ContactPreferencesOf(Client client) =>
        client.ContactPreferences.OrderBy(p => p.Kind).ThenBy(p => p.Channel).Select(p => new ContactPreference(p.Kind, p.Channel, p.Allowed)).ToList();
}

// ---------------------------------------------------------------- contracts for other modules

public sealed class GetClientSummaryHandler(ClientAccess access) : IRequestHandler<GetClientSummary, ClientSummary>
{
    public async Task<ClientSummary> Handle(GetClientSummary request, CancellationToken cancellationToken)
    {
        var client = await access.GetAsync(request.ClientId, cancellationToken);
        return new ClientSummary(client.Id, client.DisplayName, client.Email, client.Phone, client.TimeZone, client.IsArchived, client.IsErased, client.PortalUserId is not null);
    }
}

public sealed class GetContactPreferencesHandler(ClientAccess access) : IRequestHandler<GetContactPreferences, ContactPreferences>
{
    public async Task<ContactPreferences> Handle(GetContactPreferences request, CancellationToken cancellationToken)
    {
        var client = await access.GetAsync(request.ClientId, cancellationToken);
        return new ContactPreferences(client.Id, client.Email, client.Phone, GetClientRecordHandler.ContactPreferencesOf(client));
    }
}

public sealed class GetCareTeamHandler(ClientAccess access) : IRequestHandler<GetCareTeam, CareTeam>
{
    public async Task<CareTeam> Handle(GetCareTeam request, CancellationToken cancellationToken)
    {
        var client = await access.GetAsync(request.ClientId, cancellationToken);
        return new CareTeam(client.Id, client.CareTeam.OrderBy(m => m.Position).Select(m => m.TherapistId).ToList());
    }
}
