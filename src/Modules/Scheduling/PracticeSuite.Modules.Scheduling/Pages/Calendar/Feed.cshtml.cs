using MediatR;

namespace PracticeSuite.Modules.Scheduling.Pages.Calendar;

/// <summary>A therapist's own calendar feed link.</summary>
public sealed class FeedModel(IMediator mediator) : CalendarFeedPageModel(mediator)
{
    public override string Whose => "your appointments";

    public override string EventTitle => "\"Appointment:\" and the service as the title, e.g. \"Appointment: Neuromuscular therapy, 60 minutes\". No client's name.";
}
