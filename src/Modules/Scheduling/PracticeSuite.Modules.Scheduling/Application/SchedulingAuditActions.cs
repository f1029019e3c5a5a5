using PracticeSuite.Modules.Scheduling.Contracts;
using PracticeSuite.Modules.Scheduling.Features.Appointments;
using PracticeSuite.Modules.Scheduling.Features.Therapists;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Modules.Scheduling.Application;

/// <summary>The module's audited actions, for the platform's audit pages.</summary>
internal sealed class SchedulingAuditActions : IAuditActions
{
    public IReadOnlyCollection<AuditAction> Actions =>
    [
        AppointmentAudit.Booked, AppointmentAudit.SeriesBooked, AppointmentAudit.Rescheduled, AppointmentAudit.Cancelled,
        AppointmentAudit.CheckedIn, AppointmentAudit.Completed, AppointmentAudit.NoShow, TherapistOffSick.OffSickRecorded,
        TherapistAudit.ProfileChanged, TherapistAudit.CredentialAdded, TherapistAudit.CredentialRemoved,
    ];
}
