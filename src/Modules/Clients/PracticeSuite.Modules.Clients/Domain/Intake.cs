using PracticeSuite.SharedKernel.Errors;

namespace PracticeSuite.Modules.Clients.Domain;

/// <summary>The answer to one screening question; areas only for questions that ask for them.</summary>
internal sealed record ScreeningAnswer(string QuestionKey, bool Yes, IReadOnlyList<string> BodyAreaCodes, string? Details);

/// <summary>A surgery or injury the client reports, with its date when known.</summary>
internal sealed record SurgeryOrInjury(string Description, DateOnly? Date);

/// <summary>A complete, validated health-history questionnaire.</summary>
internal sealed record IntakeAnswers(
    string ReasonForVisit,
    string? Goals,
    IReadOnlyList<string> ConditionKeys,
    string? OtherConditions,
    IReadOnlyList<ScreeningAnswer> Screening,
    string? Medications,
    IReadOnlyList<SurgeryOrInjury> SurgeriesAndInjuries,
    string? Allergies,
    bool PreviousMassage,
    string? PreviousMassageDetails);

/// <summary>
/// One submitted version of a client's intake. Versions are never changed: an update adds the next one, so the
/// record shows what the client said when.
/// </summary>
internal sealed class IntakeVersion
{
    private IntakeVersion()
    {
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public int Version { get; private set; }

    /// <summary>The answers as JSON (<see cref="IntakeAnswers"/>): a questionnaire is read and written whole.</summary>
    public string AnswersJson { get; private set; } = "";

    public DateTime SubmittedAt { get; private set; }

    public string? SubmittedByUserId { get; private set; }

    /// <summary>True when staff completed it on the client's behalf.</summary>
    public bool SubmittedByStaff { get; private set; }

    /// <summary>Versions a client's intake may gain in one clinic day (issue 16): enough for any real correction, not a flood.</summary>
    public const int MaxVersionsPerClinicDay = 20;

    /// <param name="submittedEarlierToday">Versions of this client's intake already submitted on the clinic's today.</param>
    public static IntakeVersion Submit(Guid clientId, int version, string answersJson, DateTime submittedAt, string? userId, bool byStaff, int submittedEarlierToday)
    {
        if (submittedEarlierToday >= MaxVersionsPerClinicDay)
        {
            throw new BusinessRuleException("intake.daily-limit",
                $"This intake was already submitted {MaxVersionsPerClinicDay} times today, the most a day allows. Submit it again tomorrow, or ask the clinic.");
        }

        return new IntakeVersion
        {
            Id = Guid.CreateVersion7(),
            ClientId = clientId,
            Version = version,
            AnswersJson = answersJson,
            SubmittedAt = submittedAt,
            SubmittedByUserId = userId,
            SubmittedByStaff = byStaff,
        };
    }
}
