using System.Globalization;
using System.Text.Json;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Clients.Application;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Clients.Domain;
using PracticeSuite.Modules.Clients.Features.Screening;
using PracticeSuite.Modules.Clients.Infrastructure;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Hosting.Validation;
using PracticeSuite.SharedKernel.Messaging;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Clients.Features.Intakes;

internal sealed record ScreeningAnswerInput
{
    public string QuestionKey { get; init; } = "";

    /// <summary>Null means not answered, which is refused: every screening question needs an explicit answer.</summary>
    public bool? Answer { get; init; }

    public List<string> BodyAreas { get; init; } = [];

    public string? Details { get; init; }
}

internal sealed record SurgeryOrInjuryInput
{
    public string? Description { get; init; }

    public DateOnly? Date { get; init; }
}

/// <summary>Submits a (new version of the) health-history questionnaire, and re-evaluates the client's flags.</summary>
internal sealed record SubmitIntake : ICommand<int>, IClientRecordRequest, IAuditedRequest<int>
{
    public AuditSubject DescribeAudit(int version) => new(ClientAudit.IntakeSubmitted, ClientAudit.Intake, version.ToString(CultureInfo.InvariantCulture), ClientId);

    public Guid ClientId { get; init; }
    public string? ReasonForVisit { get; init; }
    public string? Goals { get; init; }
    public List<string> Conditions { get; init; } = [];
    public string? OtherConditions { get; init; }
    public List<ScreeningAnswerInput> Screening { get; init; } = [];
    public string? Medications { get; init; }
    public List<SurgeryOrInjuryInput> SurgeriesAndInjuries { get; init; } = [];
    public string? Allergies { get; init; }
    public bool? PreviousMassage { get; init; }
    public string? PreviousMassageDetails { get; init; }

    /// <summary>A blank form: one unanswered entry per screening question, in the catalogue's order.</summary>
    public static SubmitIntake Blank(Guid clientId) => new()
    {
        ClientId = clientId,
        Screening = ScreeningQuestions.All.Select(q => new ScreeningAnswerInput { QuestionKey = q.Key }).ToList(),
    };

    /// <summary>Every screening question answered "no" except <paramref name="yes"/>, when given: for seeded records.</summary>
    public static SubmitIntake AnsweringNoExcept(Guid clientId, ScreeningAnswerInput? yes) => new()
    {
        ClientId = clientId,
        Screening = ScreeningQuestions.All.Select(q => q.Key == yes?.QuestionKey
            ? yes with { Answer = true }
            : new ScreeningAnswerInput { QuestionKey = q.Key, Answer = false }).ToList(),
    };

    public static SubmitIntake From(Guid clientId, IntakeAnswers answers) => new()
    {
        ClientId = clientId,
        ReasonForVisit = answers.ReasonForVisit,
        Goals = answers.Goals,
        Conditions = answers.ConditionKeys.ToList(),
        OtherConditions = answers.OtherConditions,
        Screening = ScreeningQuestions.All.Select(q => answers.Screening.FirstOrDefault(a => a.QuestionKey == q.Key) is { } a
            ? new ScreeningAnswerInput { QuestionKey = q.Key, Answer = a.Yes, BodyAreas = a.BodyAreaCodes.ToList(), Details = a.Details }
            : new ScreeningAnswerInput { QuestionKey = q.Key }).ToList(),
        Medications = answers.Medications,
        SurgeriesAndInjuries = answers.SurgeriesAndInjuries.Select(s => new SurgeryOrInjuryInput { Description = s.Description, Date = s.Date }).ToList(),
        Allergies = answers.Allergies,
        PreviousMassage = answers.PreviousMassage,
        PreviousMassageDetails = answers.PreviousMassageDetails,
    };
}

internal sealed class SubmitIntakeValidator : AbstractValidator<SubmitIntake>
{
    public SubmitIntakeValidator(ClinicCalendar calendar)
    {
        RuleFor(c => c.ReasonForVisit).NotEmpty().WithMessage("Tell us why you are coming for treatment.").MaximumLength(ClientsDbContext.TextLength);
        RuleFor(c => c.Goals).MaximumLength(ClientsDbContext.TextLength);
        RuleFor(c => c.OtherConditions).MaximumLength(ClientsDbContext.TextLength);
        RuleFor(c => c.Medications).MaximumLength(ClientsDbContext.TextLength);
        RuleFor(c => c.Allergies).MaximumLength(ClientsDbContext.TextLength);
        RuleFor(c => c.PreviousMassageDetails).MaximumLength(ClientsDbContext.TextLength);
        RuleFor(c => c.Conditions).BoundedList();
        RuleForEach(c => c.Conditions).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("A condition cannot be null.")
            .Must(CommonConditions.IsKnown).WithMessage("Choose conditions from the list; describe others in the text box.");
        RuleFor(c => c.PreviousMassage).NotNull().WithMessage("Say whether you have had massage therapy before.");

        RuleFor(c => c.Screening).BoundedList();
        RuleForEach(c => c.Screening).NotNull().WithMessage("A screening answer cannot be null.");
        RuleFor(c => c.Screening).Custom((answers, context) =>
        {
            // Nulls are refused above; what follows reads only the answers that are there.
            for (var index = 0; index < answers.Count; index++)
            {
                var answer = answers[index];
                if (answer is null)
                {
                    continue;
                }

                if (string.IsNullOrWhiteSpace(answer.QuestionKey))
                {
                    context.AddFailure($"Screening[{index}].QuestionKey", "Each answer must name its screening question.");
                }
                else if (ScreeningQuestions.Find(answer.QuestionKey) is null)
                {
                    context.AddFailure($"Screening[{index}].QuestionKey", $"Unknown screening question '{Clip(answer.QuestionKey)}'.");
                }

                if (answer.BodyAreas is null)
                {
                    context.AddFailure($"Screening[{index}].BodyAreas", "Give the body areas as a list (empty when none), not null.");
                }
                else if (answer.BodyAreas.Count > ListRules.MaxEntries)
                {
                    context.AddFailure($"Screening[{index}].BodyAreas", $"List at most {ListRules.MaxEntries} entries.");
                }
                else
                {
                    for (var area = 0; area < answer.BodyAreas.Count; area++)
                    {
                        if (!BodyAreas.IsKnown(answer.BodyAreas[area]))
                        {
                            context.AddFailure($"Screening[{index}].BodyAreas[{area}]", "Choose body areas from the list.");
                        }
                    }
                }

                if (answer.Details?.Length > 500)
                {
                    context.AddFailure($"Screening[{index}].Details", "Keep the details under 500 characters.");
                }
            }

            foreach (var question in ScreeningQuestions.All)
            {
                var index = answers.FindIndex(a => a?.QuestionKey == question.Key);
                if (index < 0)
                {
                    context.AddFailure("Screening", $"Answer the question: {question.Text}");
                    continue;
                }

                var answer = answers[index];
                if (answer.Answer is null)
                {
                    context.AddFailure($"Screening[{index}].Answer", "Answer yes or no.");
                }
                else if (answer.Answer == true && question.AsksForBodyAreas && answer.BodyAreas is { Count: 0 })
                {
                    context.AddFailure($"Screening[{index}].BodyAreas", "Choose the body areas concerned.");
                }
            }

            var keys = answers.Where(a => a is not null).Select(a => a.QuestionKey).ToList();
            if (keys.Distinct().Count() != keys.Count)
            {
                context.AddFailure("Screening", "Each screening question may be answered only once.");
            }
        }).When(c => c.Screening is not null && c.Screening.Count <= ListRules.MaxEntries);

        RuleFor(c => c.SurgeriesAndInjuries).BoundedList();
        RuleForEach(c => c.SurgeriesAndInjuries).NotNull().WithMessage("A surgery or injury cannot be null.");
        RuleForEach(c => c.SurgeriesAndInjuries).ChildRules(s =>
        {
            s.RuleFor(x => x.Description).NotEmpty().When(x => x.Date is not null).WithMessage("Describe the surgery or injury.");
            s.RuleFor(x => x.Description).MaximumLength(200);
            s.RuleFor(x => x.Date).Must(d => d!.Value <= calendar.Today).When(x => x.Date is not null).WithMessage("The date cannot be in the future.");
        });
    }

    private static string Clip(string text) => text.Length > 50 ? text[..50] + "…" : text;
}

internal sealed class SubmitIntakeHandler(ClientsDbContext db, ClientAccess access, ICurrentUser user, ClinicCalendar calendar, ScreeningEvaluator screening)
    : IRequestHandler<SubmitIntake, int>
{
    public async Task<int> Handle(SubmitIntake request, CancellationToken cancellationToken)
    {
        var client = await access.GetAsync(request.ClientId, cancellationToken);
        if (client.IsErased)
        {
            throw new BusinessRuleException("client.erased", "This client's record was erased.");
        }

        var answers = new IntakeAnswers(
            request.ReasonForVisit!.Trim(),
            Trimmed(request.Goals),
            request.Conditions.Distinct().ToList(),
            Trimmed(request.OtherConditions),
            ScreeningQuestions.All.Select(q =>
            {
                var answer = request.Screening.Single(a => a.QuestionKey == q.Key);
                var areas = answer.Answer == true && q.AsksForBodyAreas ? answer.BodyAreas.Distinct().ToList() : [];
                return new ScreeningAnswer(q.Key, answer.Answer!.Value, areas, answer.Answer == true ? Trimmed(answer.Details) : null);
            }).ToList(),
            Trimmed(request.Medications),
            request.SurgeriesAndInjuries.Where(s => !string.IsNullOrWhiteSpace(s.Description))
                .Select(s => new SurgeryOrInjury(s.Description!.Trim(), s.Date)).ToList(),
            Trimmed(request.Allergies),
            request.PreviousMassage!.Value,
            Trimmed(request.PreviousMassageDetails));

        var version = (await db.Intakes.Where(i => i.ClientId == client.Id).MaxAsync(i => (int?)i.Version, cancellationToken) ?? 0) + 1;
        // The latest versions, as many as a day allows: how many of them fall on the clinic's today.
        var recent = await db.Intakes.Where(i => i.ClientId == client.Id).OrderByDescending(i => i.Version)
            .Take(IntakeVersion.MaxVersionsPerClinicDay).Select(i => i.SubmittedAt).ToListAsync(cancellationToken);
        var submittedToday = recent.Count(at => DateOnly.FromDateTime(calendar.ToClinicTime(at)) == calendar.Today);
        var intake = IntakeVersion.Submit(client.Id, version, JsonSerializer.Serialize(answers, IntakeJson.Options), calendar.UtcNow, user.UserId,
            byStaff: access.IsStaff, submittedEarlierToday: submittedToday);
        db.Intakes.Add(intake);
        // The portal's draft was the way to this version (or, when staff submit, is older than it): sent, it goes.
        await db.IntakeDrafts.Where(d => d.ClientId == client.Id).ExecuteDeleteAsync(cancellationToken);
        await screening.ApplyAsync(client.Id, answers, version, cancellationToken);
        await screening.PublishChangeAsync(client.Id, cancellationToken);
        return version;
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
