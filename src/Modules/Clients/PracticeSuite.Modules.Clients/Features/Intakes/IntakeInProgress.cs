using System.Globalization;
using System.Text.Json;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Clients.Application;
using PracticeSuite.Modules.Clients.Domain;
using PracticeSuite.Modules.Clients.Infrastructure;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Messaging;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Clients.Features.Intakes;

/// <summary>
/// The questionnaire as the portal shows it: the draft's answers when one is in progress, else the latest version's
/// (to check and update), else blank. <see cref="StepsDone"/> counts the steps saved in the draft, or all of them for a
/// submitted version.
/// </summary>
internal sealed record IntakeInProgress(SubmitIntake Answers, int StepsDone, DateTime? DraftSavedAt, int? FromVersion, string ClientTimeZone)
{
    public int FurthestOpenStep => IntakeSteps.FurthestOpen(StepsDone);
}

internal sealed record GetIntakeInProgress(Guid ClientId) : IQuery<IntakeInProgress>, IClientRecordRequest, IAuditedRequest<IntakeInProgress>
{
    public AuditSubject? DescribeAudit(IntakeInProgress intake) =>
        intake.DraftSavedAt is not null ? new(ClientAudit.IntakeRead, ClientAudit.Intake, IntakeDrafts.AuditRecordId, ClientId)
        : intake.FromVersion is { } version ? new(ClientAudit.IntakeRead, ClientAudit.Intake, version.ToString(CultureInfo.InvariantCulture), ClientId)
        : null; // a blank form reads nothing
}

/// <summary>
/// Saves one step of the portal's questionnaire into the client's draft. Only that step's answers are taken from
/// <see cref="Answers"/> and only that step's checks apply, so a client can stop after any step; the steps are saved
/// in order. Sending the finished draft is <see cref="SubmitIntake"/>, which removes it.
/// </summary>
internal sealed record SaveIntakeStep(Guid ClientId, int Step, SubmitIntake Answers) : ICommand<IntakeInProgress>, IClientRecordRequest, IAuditedRequest<IntakeInProgress>
{
    public AuditSubject DescribeAudit(IntakeInProgress intake) =>
        new(ClientAudit.IntakeStepSaved, ClientAudit.Intake, $"{IntakeDrafts.AuditRecordId} step {Step.ToString(CultureInfo.InvariantCulture)}", ClientId);
}

/// <summary>
/// How many steps of an unsent draft the client has saved, or null when there is none: for the portal's checklist.
/// It reads no answers, only how far the client got, so it is not audited as a read of health information.
/// </summary>
internal sealed record GetIntakeDraftProgress(Guid ClientId) : IQuery<int?>, IClientRecordRequest;

internal sealed class GetIntakeDraftProgressHandler(ClientsDbContext db) : IRequestHandler<GetIntakeDraftProgress, int?>
{
    public async Task<int?> Handle(GetIntakeDraftProgress request, CancellationToken cancellationToken) =>
        await db.IntakeDrafts.Where(d => d.ClientId == request.ClientId).Select(d => (int?)d.StepsDone).SingleOrDefaultAsync(cancellationToken);
}

internal sealed class SaveIntakeStepValidator : AbstractValidator<SaveIntakeStep>
{
    public SaveIntakeStepValidator(IValidator<SubmitIntake> questionnaire)
    {
        RuleFor(c => c.Step).Must(IntakeSteps.IsStep).WithMessage($"Choose a step from 1 to {IntakeSteps.Count}.");
        RuleFor(c => c.Answers).NotNull().WithMessage("Give the step's answers.");
        // The questionnaire's own rules, each where the client meets it: a step answers for its own questions only.
        RuleFor(c => c).CustomAsync(async (command, context, cancellationToken) =>
        {
            var result = await questionnaire.ValidateAsync(command.Answers, cancellationToken);
            foreach (var failure in result.Errors.Where(f => IntakeSteps.StepOf(f.PropertyName) == command.Step))
            {
                context.AddFailure(failure.PropertyName, failure.ErrorMessage);
            }
        }).When(c => c.Answers is not null && IntakeSteps.IsStep(c.Step));
    }
}

internal sealed class GetIntakeInProgressHandler(ClientsDbContext db) : IRequestHandler<GetIntakeInProgress, IntakeInProgress>
{
    public async Task<IntakeInProgress> Handle(GetIntakeInProgress request, CancellationToken cancellationToken) =>
        (await IntakeDrafts.LoadAsync(db, request.ClientId, tracked: false, cancellationToken)).Progress;
}

internal sealed class SaveIntakeStepHandler(ClientsDbContext db, ClientAccess access, ClinicCalendar calendar) : IRequestHandler<SaveIntakeStep, IntakeInProgress>
{
    public async Task<IntakeInProgress> Handle(SaveIntakeStep request, CancellationToken cancellationToken)
    {
        var client = await access.GetAsync(request.ClientId, cancellationToken);
        if (client.IsErased)
        {
            throw new BusinessRuleException("client.erased", "This client's record was erased.");
        }

        var (draft, progress) = await IntakeDrafts.LoadAsync(db, client.Id, tracked: true, cancellationToken);
        if (request.Step > progress.FurthestOpenStep)
        {
            throw new BusinessRuleException("intake.step-order",
                $"Answer step {progress.FurthestOpenStep.ToString(CultureInfo.InvariantCulture)} ({IntakeSteps.All[progress.FurthestOpenStep - 1].Title}) first.");
        }

        if (draft is null)
        {
            draft = IntakeDraft.Start(client.Id, fromCompleteVersion: progress.FromVersion is not null);
            db.IntakeDrafts.Add(draft);
        }

        var answers = IntakeDrafts.TakeStep(request.Step, from: request.Answers, into: progress.Answers) with { ClientId = client.Id };
        draft.Save(request.Step, JsonSerializer.Serialize(answers, IntakeJson.Options), calendar.UtcNow);
        return progress with { Answers = answers, StepsDone = draft.StepsDone, DraftSavedAt = draft.SavedAt };
    }
}

internal static class IntakeDrafts
{
    public const string AuditRecordId = "draft";

    /// <summary>The client's draft (null when none) and what the portal shows: the draft, else the latest version, else blank.</summary>
    public static async Task<(IntakeDraft? Draft, IntakeInProgress Progress)> LoadAsync(ClientsDbContext db, Guid clientId, bool tracked, CancellationToken cancellationToken)
    {
        var drafts = tracked ? db.IntakeDrafts : db.IntakeDrafts.AsNoTracking();
        var draft = await drafts.SingleOrDefaultAsync(d => d.ClientId == clientId, cancellationToken);
        var latest = await db.Intakes.AsNoTracking().Where(i => i.ClientId == clientId).OrderByDescending(i => i.Version)
            .Select(i => new { i.Version, i.AnswersJson }).FirstOrDefaultAsync(cancellationToken);
        // The client's own zone: the portal shows when the draft was saved as the client reads a clock.
        var timeZone = await db.Clients.AsNoTracking().Where(c => c.Id == clientId).Select(c => c.TimeZone).SingleAsync(cancellationToken);
        if (draft is not null)
        {
            var saved = JsonSerializer.Deserialize<SubmitIntake>(draft.AnswersJson, IntakeJson.Options) ?? SubmitIntake.Blank(clientId);
            return (draft, new IntakeInProgress(saved with { ClientId = clientId }, draft.StepsDone, draft.SavedAt, latest?.Version, timeZone));
        }

        var answers = latest is null ? SubmitIntake.Blank(clientId) : SubmitIntake.From(clientId, IntakeJson.Read(latest.AnswersJson));
        // A submitted version is complete: the client may open any step of it to change.
        return (null, new IntakeInProgress(answers, latest is null ? 0 : IntakeSteps.Count, null, latest?.Version, timeZone));
    }

    /// <summary>The answers saved so far with one step's answers taken from <paramref name="from"/>; the other steps' are kept.</summary>
    public static SubmitIntake TakeStep(int step, SubmitIntake from, SubmitIntake into) => step switch
    {
        1 => into with { ReasonForVisit = from.ReasonForVisit, Goals = from.Goals },
        2 => into with { Conditions = from.Conditions, OtherConditions = from.OtherConditions },
        3 => into with { Screening = from.Screening },
        4 => into with { Medications = from.Medications, SurgeriesAndInjuries = from.SurgeriesAndInjuries, Allergies = from.Allergies },
        5 => into with { PreviousMassage = from.PreviousMassage, PreviousMassageDetails = from.PreviousMassageDetails },
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "No such step."),
    };
}
