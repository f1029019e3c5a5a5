using PracticeSuite.Modules.Clients.Domain;
using PracticeSuite.Modules.Clients.Features.Intakes;
using Xunit;

namespace PracticeSuite.Clients.UnitTests;

/// <summary>The portal's questionnaire in five steps: which step asks what, the order they go in, and what a saved step keeps.</summary>
public sealed class IntakeStepTests
{
    private static readonly DateTime Noon = new(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("ReasonForVisit", 1)]
    [InlineData("Goals", 1)]
    [InlineData("Conditions[2]", 2)]
    [InlineData("OtherConditions", 2)]
    [InlineData("Screening", 3)]
    [InlineData("Screening[16].BodyAreas[0]", 3)]
    [InlineData("SurgeriesAndInjuries[1].Date", 4)]
    [InlineData("Allergies", 4)]
    [InlineData("PreviousMassage", 5)]
    [InlineData("PreviousMassageDetails", 5)]
    public void Each_question_belongs_to_one_step(string field, int step) => Assert.Equal(step, IntakeSteps.StepOf(field));

    [Theory]
    [InlineData("")]
    [InlineData("ClientId")]
    [InlineData("Reason")] // a prefix of a field is not the field
    public void A_field_no_step_asks_for_has_no_step(string field) => Assert.Null(IntakeSteps.StepOf(field));

    [Theory]
    [InlineData(0, 1)]
    [InlineData(2, 3)]
    [InlineData(4, 5)]
    [InlineData(5, 5)]
    public void A_client_may_open_the_steps_done_and_the_next(int stepsDone, int furthest) => Assert.Equal(furthest, IntakeSteps.FurthestOpen(stepsDone));

    [Fact]
    public void A_step_is_saved_only_after_the_steps_before_it()
    {
        var draft = IntakeDraft.Start(Guid.NewGuid(), fromCompleteVersion: false);
        Assert.Throws<ArgumentOutOfRangeException>(() => draft.Save(2, "{}", Noon));
        draft.Save(1, "{\"a\":1}", Noon);
        draft.Save(2, "{\"a\":2}", Noon.AddMinutes(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => draft.Save(4, "{}", Noon));
        Assert.Throws<ArgumentOutOfRangeException>(() => draft.Save(6, "{}", Noon));
        Assert.Equal(2, draft.StepsDone);
    }

    [Fact]
    public void Saving_an_earlier_step_again_keeps_the_later_ones_done()
    {
        var draft = IntakeDraft.Start(Guid.NewGuid(), fromCompleteVersion: false);
        draft.Save(1, "{}", Noon);
        draft.Save(2, "{}", Noon);
        draft.Save(3, "{}", Noon);

        draft.Save(1, "{\"again\":true}", Noon.AddHours(1));

        Assert.Equal(3, draft.StepsDone);
        Assert.Equal("{\"again\":true}", draft.AnswersJson);
        Assert.Equal(Noon.AddHours(1), draft.SavedAt);
    }

    [Fact]
    public void A_step_takes_its_own_answers_and_keeps_every_other_step_s()
    {
        var saved = new SubmitIntake
        {
            ReasonForVisit = "Stiff neck", Goals = "Turn my head", Conditions = ["neck-pain"], OtherConditions = "None",
            Screening = [new ScreeningAnswerInput { QuestionKey = "fever", Answer = false }],
            Medications = "Ibuprofen", Allergies = "Nut oils", PreviousMassage = true, PreviousMassageDetails = "Sports massage",
        };
        var posted = new SubmitIntake
        {
            ReasonForVisit = "posted reason", Goals = null, Conditions = ["migraine"], OtherConditions = null,
            Screening = [new ScreeningAnswerInput { QuestionKey = "fever", Answer = true }],
            Medications = null, Allergies = null, PreviousMassage = false, PreviousMassageDetails = null,
        };

        var afterConditions = IntakeDrafts.TakeStep(2, from: posted, into: saved);

        Assert.Equal(["migraine"], afterConditions.Conditions);
        Assert.Null(afterConditions.OtherConditions);
        Assert.Equal("Stiff neck", afterConditions.ReasonForVisit);
        Assert.Equal("Turn my head", afterConditions.Goals);
        Assert.False(afterConditions.Screening.Single().Answer);
        Assert.Equal("Ibuprofen", afterConditions.Medications);
        Assert.Equal("Nut oils", afterConditions.Allergies);
        Assert.True(afterConditions.PreviousMassage);
        Assert.Equal("Sports massage", afterConditions.PreviousMassageDetails);

        var afterScreening = IntakeDrafts.TakeStep(3, from: posted, into: saved);
        Assert.True(afterScreening.Screening.Single().Answer);
        Assert.Equal(["neck-pain"], afterScreening.Conditions);

        var afterExperience = IntakeDrafts.TakeStep(5, from: posted, into: saved);
        Assert.False(afterExperience.PreviousMassage);
        Assert.Null(afterExperience.PreviousMassageDetails);
        Assert.Equal("Stiff neck", afterExperience.ReasonForVisit);
    }

    [Fact]
    public void A_draft_begun_from_a_submitted_version_has_every_step_open()
    {
        var draft = IntakeDraft.Start(Guid.NewGuid(), fromCompleteVersion: true);
        Assert.Equal(5, draft.StepsDone);
        draft.Save(4, "{}", Noon);
        Assert.Equal(5, draft.StepsDone);
    }
}
