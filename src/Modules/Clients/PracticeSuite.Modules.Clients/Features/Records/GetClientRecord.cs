using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Clients.Application;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Clients.Domain;
using PracticeSuite.Modules.Clients.Features.Consent;
using PracticeSuite.Modules.Clients.Infrastructure;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Modules.Clients.Features.Records;

/// <param name="NotBookableReason">Why the therapist may not be booked ("licence lapsed"); null when they may.</param>
internal sealed record CareTeamEntry(Guid TherapistId, string DisplayName, string? NotBookableReason, bool Preferred);

internal sealed record ClientRecord(
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
internal sealed record GetClientRecord(Guid ClientId) : IQuery<ClientRecord>, IClientRecordRequest, IAuditedRequest<ClientRecord>
{
    public AuditSubject DescribeAudit(ClientRecord _) => ClientAudit.OnRecord(ClientAudit.RecordRead, ClientId);
}

internal sealed class GetClientRecordHandler(ClientsDbContext db, ClientAccess access, ITherapistDirectory therapists)
    : IRequestHandler<GetClientRecord, ClientRecord>
{
    public async Task<ClientRecord> Handle(GetClientRecord request, CancellationToken cancellationToken)
    {
        var client = await access.GetAsync(request.ClientId, cancellationToken);
        var consent = await ConsentQueries.StatusAsync(db, client.Id, cancellationToken);
        var latestIntake = await db.Intakes.Where(i => i.ClientId == client.Id).MaxAsync(i => (int?)i.Version, cancellationToken);
        return RecordOf(client, await therapists.ListAsync(cancellationToken), consent, latestIntake);
    }

    /// <summary>The record from what was read: the care team is named from the therapist list (one read, not one per member).</summary>
    public static ClientRecord RecordOf(Client client, IReadOnlyList<TherapistSummary> therapists, ConsentStatus consent, int? latestIntake)
    {
        var team = client.CareTeam.OrderBy(m => m.Position).Select(member =>
        {
            var therapist = therapists.FirstOrDefault(t => t.Id == member.TherapistId);
            return new CareTeamEntry(member.TherapistId, therapist?.DisplayName ?? "Former therapist", therapist is null ? "no longer a therapist here" : therapist.NotBookableReason, member.Position == 0);
        }).ToList();
        return new ClientRecord(
            client.Id, client.DisplayName, client.GivenName, client.FamilyName, client.DateOfBirth, client.Email, client.Phone, client.Address,
            client.EmergencyContactName, client.EmergencyContactPhone, client.TimeZone, client.PressurePreference, client.PainThresholdNotes,
            ContactPreferencesOf(client), team, consent, latestIntake, client.PortalUserId is not null, client.RegisteredAt, client.IsArchived, client.IsErased);
    }

    public static IReadOnlyList<ContactPreference> ContactPreferencesOf(Client client) =>
        client.ContactPreferences.OrderBy(p => p.Kind).ThenBy(p => p.Channel).Select(p => new ContactPreference(p.Kind, p.Channel, p.Allowed)).ToList();
}
