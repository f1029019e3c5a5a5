using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Scheduling.Contracts;
using PracticeSuite.Modules.Scheduling.Domain;
using PracticeSuite.Modules.Scheduling.Infrastructure;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Hosting.Behaviours;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Identity;

namespace PracticeSuite.Modules.Scheduling.Application;

/// <summary>
/// Who may see an appointment: managers and reception every one, a therapist their own, a client theirs, the system
/// every one, nobody else any. An appointment the caller may not see is "not found", as in the Clients module.
/// </summary>
internal sealed class AppointmentAccess(ICurrentUser user, SchedulingDbContext db)
{
    public bool IsFrontDesk => user.IsSystem || user.Role is PracticeRole.Manager or PracticeRole.Reception;

    public bool IsClient => !user.IsSystem && user.Role == PracticeRole.Client;

    /// <summary>The caller's role in words, for an appointment's history.</summary>
    public string Who => user.IsSystem ? "The clinic" : user.Role switch
    {
        PracticeRole.Client => "The client",
        PracticeRole.Therapist => "Therapist",
        PracticeRole.Reception => "Reception",
        PracticeRole.Manager => "Manager",
        _ => "Someone",
    };

    public IQueryable<Appointment> Visible()
    {
        var appointments = db.Appointments.AsQueryable();
        if (IsFrontDesk)
        {
            return appointments;
        }

        return user.Role switch
        {
            PracticeRole.Therapist when user.TherapistId is { } therapistId => appointments.Where(a => a.TherapistId == therapistId),
            PracticeRole.Client when user.ClientId is { } clientId => appointments.Where(a => a.ClientId == clientId),
            _ => appointments.Where(_ => false),
        };
    }

    public async Task<Appointment> GetForUpdateAsync(Guid appointmentId, CancellationToken cancellationToken) =>
        await Visible().Include(a => a.Changes).SingleOrDefaultAsync(a => a.Id == appointmentId, cancellationToken)
        ?? throw new NotFoundException("Appointment", appointmentId);

    public async Task EnsureVisibleAsync(Guid appointmentId, CancellationToken cancellationToken)
    {
        if (!await Visible().AnyAsync(a => a.Id == appointmentId, cancellationToken))
        {
            throw new NotFoundException("Appointment", appointmentId);
        }
    }
}

internal sealed class AppointmentAccessCheck<TRequest>(AppointmentAccess access) : IRequestAccessCheck<TRequest>
    where TRequest : IAppointmentRequest
{
    public Task EnsureAllowedAsync(TRequest request, CancellationToken cancellationToken) =>
        access.EnsureVisibleAsync(request.AppointmentId, cancellationToken);
}
