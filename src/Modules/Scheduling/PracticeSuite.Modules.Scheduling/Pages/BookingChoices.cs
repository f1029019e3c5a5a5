using MediatR;
using PracticeSuite.Modules.Scheduling.Contracts;
using PracticeSuite.Modules.Scheduling.Domain;
using PracticeSuite.Modules.Scheduling.Features.Services;
using PracticeSuite.SharedKernel.Hosting.Platform;

namespace PracticeSuite.Modules.Scheduling.Pages;

/// <summary>What a booking form offers: the services, the therapists who can be booked, the rooms in use.</summary>
internal sealed record BookingChoices(IReadOnlyList<ServiceView> Services, IReadOnlyList<TherapistSummary> Therapists, IReadOnlyList<Room> Rooms)
{
    public static async Task<BookingChoices> LoadAsync(IMediator mediator, ITherapistDirectory therapists, CancellationToken cancellationToken) => new(
        await mediator.Send(new GetServices(), cancellationToken),
        (await therapists.ListAsync(cancellationToken)).Where(t => t.MayBeBooked).ToList(),
        (await mediator.Send(new GetRooms(), cancellationToken)).Where(r => !r.Retired).ToList());

    public static string Length(ServiceView service) => $"{service.DurationMinutes} min";
}

internal sealed record BookingFieldsView(BookingChoices Choices, Guid? ServiceId, Guid? TherapistId, Guid? RoomId);
