using MediatR;

namespace PracticeSuite.Modules.Scheduling.Pages.Portal;

/// <summary>A client's own calendar feed link, from the portal.</summary>
public sealed class CalendarFeedModel(IMediator mediator) : CalendarFeedPageModel(mediator)
{
    public override string Whose => "your appointments with us";

    public override string EventTitle => "The service's name as the title, e.g. \"Neuromuscular therapy, 60 minutes\".";
}
