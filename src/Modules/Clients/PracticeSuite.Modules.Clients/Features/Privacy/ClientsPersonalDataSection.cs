using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Clients.Features.Intakes;
using PracticeSuite.Modules.Clients.Infrastructure;
using PracticeSuite.SharedKernel.Hosting.Platform;

namespace PracticeSuite.Modules.Clients.Features.Privacy;

/// <summary>This module's part of the export: the record, preferences, care team, intakes, consent and flags.</summary>
internal sealed class ClientsPersonalDataSection(ClientsDbContext db) : IPersonalDataSection
{
    public string SectionName => "Client record";

    public async Task<object?> ExportAsync(Guid clientId, CancellationToken cancellationToken)
    {
        var client = await db.Clients.AsNoTracking().Include(c => c.CareTeam).Include(c => c.ContactPreferences).AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == clientId, cancellationToken);
        if (client is null)
        {
            return null;
        }

        var intakes = await db.Intakes.AsNoTracking().Where(i => i.ClientId == clientId).OrderBy(i => i.Version).ToListAsync(cancellationToken);
        var draft = (await IntakeDrafts.LoadAsync(db, clientId, tracked: false, cancellationToken)).Draft;
        var signatures = await db.ConsentSignatures.AsNoTracking().Where(s => s.ClientId == clientId).OrderBy(s => s.SignedAt).ToListAsync(cancellationToken);
        var flags = await db.Flags.AsNoTracking().Where(f => f.ClientId == clientId).OrderBy(f => f.RaisedAt).ToListAsync(cancellationToken);
        return new
        {
            Details = new
            {
                client.Id,
                client.GivenName,
                client.FamilyName,
                client.DateOfBirth,
                client.Email,
                client.Phone,
                client.Address,
                client.EmergencyContactName,
                client.EmergencyContactPhone,
                client.TimeZone,
                PressurePreference = client.PressurePreference.ToString(),
                client.PainThresholdNotes,
                client.RegisteredAt,
                client.ArchivedAt,
                client.ErasedAt,
                HasPortalAccount = client.PortalUserId is not null,
            },
            ContactPreferences = client.ContactPreferences.Select(p => new { Kind = p.Kind.ToString(), Channel = p.Channel.ToString(), p.Allowed }),
            CareTeam = client.CareTeam.OrderBy(m => m.Position).Select(m => new { m.TherapistId, Preferred = m.Position == 0 }),
            Intakes = intakes.Select(i => new { i.Version, i.SubmittedAt, i.SubmittedByStaff, Answers = IntakeJson.Read(i.AnswersJson) }),
            IntakeInProgress = draft is null ? null : DraftAnswers(draft),
            ConsentSignatures = signatures.Select(s => new { s.ConsentVersion, s.TypedName, s.SignedAt, s.IpAddress }),
            ScreeningFlags = flags.Select(f => new
            {
                Kind = f.Kind.ToString(),
                f.Reason,
                BodyAreas = f.BodyAreaCodes.Select(code => BodyAreas.Find(code)?.Name ?? code),
                f.Day,
                f.RaisedAt,
                f.ResolvedAt,
                Clearance = f.ClearanceOutcome is null
                    ? null
                    : new { f.ClearancePhysician, f.ClearedOn, Outcome = f.ClearanceOutcome.ToString(), f.ClearanceExpiresOn, f.ClearanceNotes },
            }),
        };
    }

    /// <summary>The portal's unsent answers, in the words a submitted version uses.</summary>
    private static object DraftAnswers(Domain.IntakeDraft draft)
    {
        var answers = System.Text.Json.JsonSerializer.Deserialize<SubmitIntake>(draft.AnswersJson, IntakeJson.Options) ?? new SubmitIntake();
        return new
        {
            draft.SavedAt,
            draft.StepsDone,
            answers.ReasonForVisit,
            answers.Goals,
            ConditionKeys = answers.Conditions,
            answers.OtherConditions,
            Screening = answers.Screening.Where(a => a.Answer is not null)
                .Select(a => new { a.QuestionKey, Yes = a.Answer!.Value, BodyAreaCodes = a.BodyAreas, a.Details }),
            answers.Medications,
            SurgeriesAndInjuries = answers.SurgeriesAndInjuries.Where(s => !string.IsNullOrWhiteSpace(s.Description)),
            answers.Allergies,
            answers.PreviousMassage,
            answers.PreviousMassageDetails,
        };
    }
}
