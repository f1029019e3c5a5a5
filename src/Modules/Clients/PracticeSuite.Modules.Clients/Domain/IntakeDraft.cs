namespace PracticeSuite.Modules.Clients.Domain;

/// <summary>One page of the client's questionnaire in the portal, and the answers it holds.</summary>
internal sealed record IntakeStep(int Number, string Title, IReadOnlyList<string> Fields);

/// <summary>
/// The portal asks the questionnaire one page at a time, saving each page as the client leaves it, so a client who
/// stops on a phone halfway through finds their answers when they come back. Steps are done in order: a client may
/// open the steps already done and the next one, so by the last step every earlier one has passed its checks.
/// </summary>
internal static class IntakeSteps
{
    public static readonly IReadOnlyList<IntakeStep> All =
    [
        new(1, "Why you are coming", ["ReasonForVisit", "Goals"]),
        new(2, "Conditions", ["Conditions", "OtherConditions"]),
        new(3, "Health questions", ["Screening"]),
        new(4, "Medication, surgery and injuries", ["Medications", "SurgeriesAndInjuries", "Allergies"]),
        new(5, "Massage experience", ["PreviousMassage", "PreviousMassageDetails"]),
    ];

    public static int Count => All.Count;

    public static bool IsStep(int number) => number >= 1 && number <= Count;

    /// <summary>The step whose page asks for a field, given a validation path such as <c>Screening[3].Answer</c>; null for none.</summary>
    public static int? StepOf(string fieldPath)
    {
        var end = fieldPath.IndexOfAny(['[', '.']);
        var field = end < 0 ? fieldPath : fieldPath[..end];
        return All.FirstOrDefault(step => step.Fields.Contains(field, StringComparer.Ordinal))?.Number;
    }

    /// <summary>The furthest step a client may open when <paramref name="stepsDone"/> are done: those, and the next.</summary>
    public static int FurthestOpen(int stepsDone) => Math.Clamp(stepsDone + 1, 1, Count);
}

/// <summary>
/// A client's questionnaire in progress: the answers so far, kept until they are sent as a new intake version (which
/// removes the draft). Only the portal keeps drafts; staff complete the questionnaire in one page.
/// </summary>
internal sealed class IntakeDraft
{
    private IntakeDraft()
    {
    }

    public Guid ClientId { get; private set; }

    /// <summary>The answers as the questionnaire's JSON (the shape of a submission), complete or not.</summary>
    public string AnswersJson { get; private set; } = "";

    /// <summary>How many steps, from the first, have been saved.</summary>
    public int StepsDone { get; private set; }

    public DateTime SavedAt { get; private set; }

    /// <summary>A new draft; one begun from a submitted version starts with every step done, as those answers are complete.</summary>
    public static IntakeDraft Start(Guid clientId, bool fromCompleteVersion) =>
        new() { ClientId = clientId, StepsDone = fromCompleteVersion ? IntakeSteps.Count : 0 };

    /// <summary>Keeps the answers after saving <paramref name="step"/>; going back to an earlier step undoes no later one.</summary>
    public void Save(int step, string answersJson, DateTime savedAt)
    {
        if (!IntakeSteps.IsStep(step) || step > IntakeSteps.FurthestOpen(StepsDone))
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "A step is saved only once the steps before it are.");
        }

        AnswersJson = answersJson;
        StepsDone = Math.Max(StepsDone, step);
        SavedAt = savedAt;
    }
}
