using MediatR;
using Microsoft.AspNetCore.Mvc;
using PracticeSuite.Modules.Scheduling.Domain;
using PracticeSuite.Modules.Scheduling.Features.Services;
using PracticeSuite.SharedKernel.Hosting.Web;

namespace PracticeSuite.Modules.Scheduling.Pages.Calendar.Settings;

/// <summary>The clinic's treatment rooms: add, rename, retire.</summary>
public sealed class RoomsModel(IMediator mediator) : SchedulingPageModel
{
    internal IReadOnlyList<Room> Rooms { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rooms = await mediator.Send(new GetRooms(), cancellationToken);

    /// <param name="roomId">None: a new room.</param>
    public async Task<IActionResult> OnPostAsync(Guid? roomId, string? name, bool retired, CancellationToken cancellationToken)
    {
        var (done, _) = await TryAsync(mediator, new SaveRoom(roomId, name, retired), cancellationToken, errorsNextTo: roomId is null ? "new-room" : $"name-{roomId}");
        if (done)
        {
            TempData.SetNotice(roomId is null ? $"{name!.Trim()} added." : $"{name!.Trim()} saved.");
            return Redirect("/Calendar/Settings/Rooms");
        }

        Rooms = await mediator.Send(new GetRooms(), cancellationToken);
        return Page();
    }
}
