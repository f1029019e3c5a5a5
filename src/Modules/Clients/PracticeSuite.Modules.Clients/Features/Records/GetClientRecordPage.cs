using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Clients.Application;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Clients.Domain;
using PracticeSuite.Modules.Clients.Features.Consent;
using PracticeSuite.Modules.Clients.Features.Screening;
using PracticeSuite.Modules.Clients.Infrastructure;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Messaging;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Clients.Features.Records;

/// <summary>Everything the staff's record page shows, read once: the record, its header's eligibility, the flags and the therapists to choose from.</summary>
internal sealed record ClientRecordPage(ClientRecord Record, TreatmentEligibility Eligibility, IReadOnlyList<FlagDetails> Flags, IReadOnlyList<TherapistSummary> Therapists);

/// <summary>
/// The record page's one query. Sending the record, summary, eligibility and flag queries one after another read the
/// client, its consent and its flags three times over (about fifteen statements a view); this reads each once and lets
/// the domain's <see cref="Eligibility"/> decide from the same flags. Audited as a read of the record.
/// </summary>
internal sealed record GetClientRecordPage(Guid ClientId) : IQuery<ClientRecordPage>, IClientRecordRequest, IAuditedRequest<ClientRecordPage>
{
    public AuditSubject DescribeAudit(ClientRecordPage _) => ClientAudit.OnRecord(ClientAudit.RecordRead, ClientId);
}

internal sealed class GetClientRecordPageHandler(ClientsDbContext db, ClientAccess access, ITherapistDirectory therapists, ClinicCalendar calendar)
    : IRequestHandler<GetClientRecordPage, ClientRecordPage>
{
    public async Task<ClientRecordPage> Handle(GetClientRecordPage request, CancellationToken cancellationToken)
    {
        var client = await access.GetAsync(request.ClientId, cancellationToken);
        var consent = await ConsentQueries.StatusAsync(db, client.Id, cancellationToken);
        var latestIntake = await db.Intakes.Where(i => i.ClientId == client.Id).MaxAsync(i => (int?)i.Version, cancellationToken);
        var flags = await db.Flags.AsNoTracking().Where(f => f.ClientId == client.Id).OrderBy(f => f.RaisedAt).ToListAsync(cancellationToken);
        var team = await therapists.ListAsync(cancellationToken);

        var today = calendar.Today;
        var active = flags.Where(f => f.ResolvedAt == null && !f.HasLapsed(today)).ToList();
        var eligibility = Eligibility.Evaluate(client.Id, client.IsErased || client.IsArchived, latestIntake is not null, consent.CurrentVersion, consent.SignedVersion, active, today);
        return new ClientRecordPage(GetClientRecordHandler.RecordOf(client, team, consent, latestIntake), eligibility, FlagDetails.Of(flags, today), team);
    }
}
