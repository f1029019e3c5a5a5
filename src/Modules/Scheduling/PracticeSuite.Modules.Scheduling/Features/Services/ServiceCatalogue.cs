using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Scheduling.Contracts;
using PracticeSuite.Modules.Scheduling.Domain;
using PracticeSuite.Modules.Scheduling.Infrastructure;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Modules.Scheduling.Features.Services;

internal sealed class GetServicesHandler(SchedulingDbContext db) : IRequestHandler<GetServices, IReadOnlyList<ServiceView>>
{
    public async Task<IReadOnlyList<ServiceView>> Handle(GetServices request, CancellationToken cancellationToken)
    {
        var services = await db.Services.AsNoTracking().Include(s => s.Therapists)
            .Where(s => request.IncludeRetired || !s.Retired).OrderBy(s => s.Retired).ThenBy(s => s.Position).ThenBy(s => s.Name).ToListAsync(cancellationToken);
        return services.Select(View).ToList();
    }

    public static ServiceView View(Service s) => new(
        s.Id, s.Name, s.DurationMinutes, s.BufferAfterMinutes, s.IsConsultation, s.OnlineBooking, s.NeedsApproval, s.NeedsRoom, s.Retired,
        s.Therapists.Select(t => t.TherapistId).ToList());
}

/// <summary>Adds a service (no <see cref="ServiceId"/>) or changes one. Prices live in the Invoicing module, by service id.</summary>
internal sealed record SaveService : ICommand<Guid>
{
    public Guid? ServiceId { get; init; }
    public string? Name { get; init; }
    public int DurationMinutes { get; init; }
    public int BufferAfterMinutes { get; init; }
    public bool IsConsultation { get; init; }
    public bool OnlineBooking { get; init; }
    public bool NeedsApproval { get; init; }
    public bool NeedsRoom { get; init; }
    public IReadOnlyList<Guid> TherapistIds { get; init; } = [];
}

internal sealed class SaveServiceValidator : AbstractValidator<SaveService>
{
    public SaveServiceValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("Enter the service's name.").MaximumLength(SchedulingDbContext.NameLength);
        RuleFor(c => c.DurationMinutes).InclusiveBetween(5, Service.MaxDurationMinutes)
            .WithMessage($"A service lasts from 5 to {Service.MaxDurationMinutes} minutes.");
        RuleFor(c => c.DurationMinutes).Must(m => m % 5 == 0).WithMessage("Give the length in steps of 5 minutes.");
        RuleFor(c => c.BufferAfterMinutes).InclusiveBetween(0, Service.MaxBufferMinutes)
            .WithMessage($"The time kept free after it is from 0 to {Service.MaxBufferMinutes} minutes.");
        RuleFor(c => c.BufferAfterMinutes).Must(m => m % 5 == 0).WithMessage("Give the time kept free in steps of 5 minutes.");
        RuleFor(c => c.TherapistIds).NotNull();
    }
}

internal sealed class SaveServiceHandler(SchedulingDbContext db, ITherapistDirectory therapists) : IRequestHandler<SaveService, Guid>
{
    public async Task<Guid> Handle(SaveService request, CancellationToken cancellationToken)
    {
        var known = (await therapists.ListAsync(cancellationToken)).Select(t => t.Id).ToHashSet();
        if (request.TherapistIds.FirstOrDefault(id => !known.Contains(id)) is var unknown && unknown != Guid.Empty)
        {
            throw RequestValidationException.For("TherapistIds", "Choose therapists from the clinic's list.");
        }

        var name = request.Name!.Trim();
        if (await db.Services.AnyAsync(s => s.Name == name && s.Id != request.ServiceId, cancellationToken))
        {
            throw RequestValidationException.For("Name", $"There is already a service called {name}.");
        }

        var definition = new ServiceDefinition(name, request.DurationMinutes, request.BufferAfterMinutes, request.IsConsultation, request.OnlineBooking,
            request.NeedsApproval, request.NeedsRoom, request.TherapistIds);
        if (request.ServiceId is { } id)
        {
            var service = await db.Services.Include(s => s.Therapists).SingleOrDefaultAsync(s => s.Id == id, cancellationToken)
                ?? throw new NotFoundException("Service", id);
            service.Update(definition);
            return id;
        }

        var position = await db.Services.CountAsync(cancellationToken);
        var created = Service.Create(Guid.CreateVersion7(), definition, position);
        db.Services.Add(created);
        return created.Id;
    }
}

/// <summary>Retired services stay on past appointments but are no longer booked; reinstating brings one back.</summary>
internal sealed record SetServiceRetired(Guid ServiceId, bool Retired) : ICommand;

internal sealed class SetServiceRetiredHandler(SchedulingDbContext db) : IRequestHandler<SetServiceRetired, Unit>
{
    public async Task<Unit> Handle(SetServiceRetired request, CancellationToken cancellationToken)
    {
        var service = await db.Services.SingleOrDefaultAsync(s => s.Id == request.ServiceId, cancellationToken)
            ?? throw new NotFoundException("Service", request.ServiceId);
        if (request.Retired)
        {
            service.Retire();
        }
        else
        {
            service.Reinstate();
        }

        return Unit.Value;
    }
}

internal sealed record GetRooms : IQuery<IReadOnlyList<Room>>;

internal sealed class GetRoomsHandler(SchedulingDbContext db) : IRequestHandler<GetRooms, IReadOnlyList<Room>>
{
    public async Task<IReadOnlyList<Room>> Handle(GetRooms request, CancellationToken cancellationToken) =>
        await db.Rooms.AsNoTracking().OrderBy(r => r.Retired).ThenBy(r => r.Name).ToListAsync(cancellationToken);
}

/// <summary>Adds a room (no id) or renames or retires one.</summary>
internal sealed record SaveRoom(Guid? RoomId, string? Name, bool Retired) : ICommand<Guid>;

internal sealed class SaveRoomValidator : AbstractValidator<SaveRoom>
{
    public SaveRoomValidator() =>
        RuleFor(c => c.Name).NotEmpty().WithMessage("Enter the room's name.").MaximumLength(SchedulingDbContext.NameLength);
}

internal sealed class SaveRoomHandler(SchedulingDbContext db) : IRequestHandler<SaveRoom, Guid>
{
    public async Task<Guid> Handle(SaveRoom request, CancellationToken cancellationToken)
    {
        var name = request.Name!.Trim();
        if (await db.Rooms.AnyAsync(r => r.Name == name && r.Id != request.RoomId, cancellationToken))
        {
            throw RequestValidationException.For("Name", $"There is already a room called {name}.");
        }

        var room = request.RoomId is { } id
            ? await db.Rooms.SingleOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new NotFoundException("Room", id)
            : db.Rooms.Add(new Room { Id = Guid.CreateVersion7() }).Entity;
        room.Name = name;
        room.Retired = request.Retired;
        return room.Id;
    }
}
