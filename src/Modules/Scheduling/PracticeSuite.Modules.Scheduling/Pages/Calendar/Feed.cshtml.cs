using MediatR;

namespace PracticeSuite.Modules.Scheduling.Pages.Calendar;

/// <summary>A therapist's own calendar feed link.</summary>
public sealed class FeedModel(IMediator mediator) : CalendarFeedPageModel(mediator)
{
    public override string Whose => "your appointments";

    public override string EventTitle => "The service and the word \"appointment\" as the title, e.g. \"60-minute massage appointment\". No client's name.";
}
