using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Scheduling.Contracts;
using PracticeSuite.Modules.TreatmentPlans.Application;
using PracticeSuite.Modules.TreatmentPlans.Contracts;
using PracticeSuite.Modules.TreatmentPlans.Domain;
using PracticeSuite.Modules.TreatmentPlans.Domain.Reference;
using PracticeSuite.Modules.TreatmentPlans.Features.Reference;
using PracticeSuite.Modules.TreatmentPlans.Infrastructure;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Messaging;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.TreatmentPlans.Features.Notes;

internal static class NoteAudit
{
    public const string RecordType = "SessionNote";

    public static readonly AuditAction Opened = new("treatmentplans.note.opened", AuditKind.Change, "Started a session note");
    public static readonly AuditAction Changed = new("treatmentplans.note.changed", AuditKind.Change, "Changed a session note");
    public static readonly AuditAction Signed = new("treatmentplans.note.signed", AuditKind.Change, "Signed a session note");
    public static readonly AuditAction Amended = new("treatmentplans.note.amended", AuditKind.Change, "Added an addendum to a signed session note");
    public static readonly AuditAction Read = new("treatmentplans.note.read", AuditKind.Read, "Viewed a session note");

    public static AuditSubject Subject(AuditAction action, NoteRef note) => new(action, RecordType, note.NoteId.ToString(), note.ClientId);
}

internal sealed record NoteRef(Guid NoteId, Guid ClientId);

/// <summary>A request about one session note: clinicians who may see its client (the access check), and for a change, its therapist.</summary>
internal interface INoteRequest : IClinicalRequest
{
    Guid NoteId { get; }
}

/// <summary>
/// Opens the note of an appointment (the one already open, if any). Only the appointment's therapist writes it, once the
/// client is checked in or the visit completed; a cancelled appointment or a no-show has no note.
/// </summary>
internal sealed record OpenSessionNote(Guid AppointmentId) : ICommand<NoteRef>, IAuditedRequest<NoteRef>
{
    public AuditSubject DescribeAudit(NoteRef note) => NoteAudit.Subject(NoteAudit.Opened, note);
}

internal sealed class OpenSessionNoteHandler(TreatmentPlansDbContext db, IMediator mediator, ICurrentUser user, ClinicalAccess access, ClinicCalendar calendar)
    : IRequestHandler<OpenSessionNote, NoteRef>
{
    public async Task<NoteRef> Handle(OpenSessionNote request, CancellationToken cancellationToken)
    {
        if (!access.IsClinician)
        {
            throw new NotFoundException("Appointment", request.AppointmentId);
        }

        // Scheduling answers "not found" for an appointment the caller may not see (another therapist's).
        var appointment = await mediator.Send(new GetAppointment(request.AppointmentId), cancellationToken);
        if (user.TherapistId != appointment.TherapistId)
        {
            throw new BusinessRuleException("note.not-your-appointment", "Only the appointment's therapist writes its session note.");
        }

        if (appointment.Status is AppointmentStatus.Cancelled or AppointmentStatus.NoShow)
        {
            throw new BusinessRuleException("note.appointment-not-held", "This appointment did not take place, so it has no session note.");
        }

        if (appointment.Status == AppointmentStatus.Booked)
        {
            throw new BusinessRuleException("note.not-checked-in", "Check the client in before writing the session's note.");
        }

        var existing = await db.Notes.AsNoTracking().Where(n => n.AppointmentId == appointment.Id).Select(n => (Guid?)n.Id).SingleOrDefaultAsync(cancellationToken);
        if (existing is { } id)
        {
            return new NoteRef(id, appointment.ClientId);
        }

        var note = SessionNote.Open(Guid.CreateVersion7(), appointment.Id, appointment.ClientId, appointment.TherapistId, appointment.PlanId,
            appointment.StartsAt, appointment.EndsAt, calendar.UtcNow);
        db.Notes.Add(note);
        return new NoteRef(note.Id, note.ClientId);
    }
}

/// <summary>A change to an open note by its therapist; audited as a change of the note.</summary>
internal abstract record NoteChange : ICommand<NoteRef>, INoteRequest, IAuditedRequest<NoteRef>
{
    public Guid NoteId { get; init; }

    public virtual AuditSubject DescribeAudit(NoteRef note) => NoteAudit.Subject(NoteAudit.Changed, note);
}

internal sealed record WriteNote : NoteChange
{
    public string? Changes { get; init; }
    public bool NewHealthChanges { get; init; }
    public string? Findings { get; init; }
    public string? Assessment { get; init; }
    public string? Plan { get; init; }
    public IReadOnlyList<Aftercare> Aftercare { get; init; } = [];
}

internal sealed record ScorePain : NoteChange
{
    public string? Label { get; init; }
    public int? Score { get; init; }
}

internal sealed record TreatPoint : NoteChange
{
    public string? Muscle { get; init; }
    public BodySide? Side { get; init; }
    public string? Zone { get; init; }
    public PointTechnique Technique { get; init; }
    public int? HoldSeconds { get; init; }
    public int Repetitions { get; init; } = 1;
    public int? Pressure { get; init; }
    public PointOutcome Outcome { get; init; }
    public string? AvoidOverrideReason { get; init; }
}

internal sealed record SetTechniqueMinutes : NoteChange
{
    public PointTechnique Technique { get; init; }
    public int Minutes { get; init; }
}

internal sealed record RemoveNoteItem : NoteChange
{
    public Guid ItemId { get; init; }
}

internal sealed record SignNote : NoteChange
{
    public override AuditSubject DescribeAudit(NoteRef note) => NoteAudit.Subject(NoteAudit.Signed, note);
}

internal sealed record AddAddendum : NoteChange
{
    public string? Text { get; init; }

    public override AuditSubject DescribeAudit(NoteRef note) => NoteAudit.Subject(NoteAudit.Amended, note);
}

internal sealed class NoteChangeHandlers(TreatmentPlansDbContext db, ICurrentUser user, IMediator mediator, MuscleCatalogue muscles, ClinicCalendar calendar) :
    IRequestHandler<WriteNote, NoteRef>,
    IRequestHandler<ScorePain, NoteRef>,
    IRequestHandler<TreatPoint, NoteRef>,
    IRequestHandler<SetTechniqueMinutes, NoteRef>,
    IRequestHandler<RemoveNoteItem, NoteRef>,
    IRequestHandler<SignNote, NoteRef>,
    IRequestHandler<AddAddendum, NoteRef>
{
    public Task<NoteRef> Handle(WriteNote request, CancellationToken cancellationToken) =>
        ChangeAsync(request.NoteId, note =>
        {
            note.Write(request.Changes, request.NewHealthChanges, request.Findings, request.Assessment, request.Plan, request.Aftercare ?? [], calendar.UtcNow);
            return Task.CompletedTask;
        }, cancellationToken);

    public Task<NoteRef> Handle(ScorePain request, CancellationToken cancellationToken) =>
        ChangeAsync(request.NoteId, note =>
        {
            if (request.Label?.Length > TreatmentPlan.NameLength)
            {
                throw RequestValidationException.For("Label", $"At most {TreatmentPlan.NameLength} characters.");
            }

            note.ScorePain(request.Label, request.Score, calendar.UtcNow);
            return Task.CompletedTask;
        }, cancellationToken);

    public Task<NoteRef> Handle(TreatPoint request, CancellationToken cancellationToken) =>
        ChangeAsync(request.NoteId, async note =>
        {
            var muscle = await muscles.FindAsync(request.Muscle, cancellationToken);
            if (muscle is null && !string.IsNullOrEmpty(request.Muscle))
            {
                throw RequestValidationException.For("Muscle", $"There is no muscle '{request.Muscle}' in the library.");
            }

            if (request.AvoidOverrideReason?.Length > TreatmentPlansDbContext.TextLength)
            {
                throw RequestValidationException.For("AvoidOverrideReason", $"At most {TreatmentPlansDbContext.TextLength} characters.");
            }

            var areas = await AreasToAvoid.ForAsync(mediator, note.ClientId, cancellationToken);
            note.Treat(new TreatedPointInput(request.Zone, request.Side, request.Technique, request.HoldSeconds, request.Repetitions, request.Pressure, request.Outcome,
                request.AvoidOverrideReason), muscle, areas, calendar.UtcNow);
        }, cancellationToken);

    public Task<NoteRef> Handle(SetTechniqueMinutes request, CancellationToken cancellationToken) =>
        ChangeAsync(request.NoteId, note =>
        {
            note.SetMinutes(request.Technique, request.Minutes, calendar.UtcNow);
            return Task.CompletedTask;
        }, cancellationToken);

    // Removing is idempotent: an item already gone (a second click, a second tab) leaves nothing to do.
    public Task<NoteRef> Handle(RemoveNoteItem request, CancellationToken cancellationToken) =>
        ChangeAsync(request.NoteId, note =>
        {
            note.RemoveItem(request.ItemId, calendar.UtcNow);
            return Task.CompletedTask;
        }, cancellationToken);

    public Task<NoteRef> Handle(SignNote request, CancellationToken cancellationToken) =>
        ChangeAsync(request.NoteId, note =>
        {
            note.Sign(calendar.UtcNow);
            db.EnqueueIntegrationEvent(new SessionNoteSigned(note.Id, note.AppointmentId, note.ClientId, note.TherapistId, note.PlanId, note.AppointmentEndsAt,
                note.DeepOrTriggerPointWork, note.AftercareGiven.Select(a => a.ToString()).ToList(),
                note.Minutes.OrderBy(m => m.Technique).Select(m => new TimedTechnique(m.Technique.ToString(), m.Minutes)).ToList(), note.SignedAt!.Value));
            return Task.CompletedTask;
        }, cancellationToken);

    public Task<NoteRef> Handle(AddAddendum request, CancellationToken cancellationToken) =>
        ChangeAsync(request.NoteId, note =>
        {
            note.AddAddendum(request.Text, calendar.UtcNow);
            return Task.CompletedTask;
        }, cancellationToken);

    private async Task<NoteRef> ChangeAsync(Guid noteId, Func<SessionNote, Task> change, CancellationToken cancellationToken)
    {
        var note = await db.Notes.Include(n => n.PainScores).Include(n => n.TreatedPoints).Include(n => n.Minutes).Include(n => n.Addenda).AsSplitQuery()
            .SingleOrDefaultAsync(n => n.Id == noteId, cancellationToken) ?? throw new NotFoundException("Session note", noteId);
        if (user.TherapistId != note.TherapistId)
        {
            throw new BusinessRuleException("note.not-yours", "Only the session's therapist writes, signs or adds to its note.");
        }

        await change(note);
        return new NoteRef(note.Id, note.ClientId);
    }
}

/// <summary>The body areas of a client's local flags: where not to treat.</summary>
internal static class AreasToAvoid
{
    public static async Task<IReadOnlyCollection<string>> ForAsync(IMediator mediator, Guid clientId, CancellationToken cancellationToken)
    {
        var eligibility = await mediator.Send(new GetTreatmentEligibility(clientId), cancellationToken);
        return eligibility.Cautions.Where(f => f.Kind == FlagKind.Local).SelectMany(f => f.BodyAreaCodes).ToHashSet(StringComparer.Ordinal);
    }
}

/// <summary>A note with what its page shows: the muscles' names, the clinic's limits and the areas to avoid.</summary>
internal sealed record GetSessionNote(Guid NoteId) : IQuery<SessionNoteDetails>, INoteRequest, IAuditedRequest<SessionNoteDetails>
{
    public AuditSubject DescribeAudit(SessionNoteDetails details) => NoteAudit.Subject(NoteAudit.Read, new NoteRef(details.Note.Id, details.Note.ClientId));
}

internal sealed record SessionNoteDetails(SessionNote Note, IReadOnlyDictionary<string, Muscle> Muscles, TreatmentLimits Limits, IReadOnlyCollection<string> AreasToAvoid);

internal sealed class GetSessionNoteHandler(TreatmentPlansDbContext db, MuscleCatalogue muscles, TreatmentPlansOptions options, IMediator mediator)
    : IRequestHandler<GetSessionNote, SessionNoteDetails>
{
    public async Task<SessionNoteDetails> Handle(GetSessionNote request, CancellationToken cancellationToken)
    {
        var note = await db.Notes.AsNoTracking().Include(n => n.PainScores).Include(n => n.TreatedPoints).Include(n => n.Minutes).Include(n => n.Addenda).AsSplitQuery()
            .SingleOrDefaultAsync(n => n.Id == request.NoteId, cancellationToken) ?? throw new NotFoundException("Session note", request.NoteId);
        var library = await muscles.AllAsync(cancellationToken);
        var areas = await AreasToAvoid.ForAsync(mediator, note.ClientId, cancellationToken);
        return new SessionNoteDetails(note, library.ToDictionary(m => m.Code, StringComparer.Ordinal), options.Limits, areas);
    }
}

/// <summary>The note already written for an appointment, if any; the appointment must be one the caller may see.</summary>
internal sealed record FindAppointmentNote(Guid AppointmentId) : IQuery<AppointmentNote>;

/// <param name="NoteId">Null while nobody has started the note.</param>
internal sealed record AppointmentNote(AppointmentView Appointment, Guid? NoteId);

internal sealed class FindAppointmentNoteHandler(TreatmentPlansDbContext db, IMediator mediator, ClinicalAccess access) : IRequestHandler<FindAppointmentNote, AppointmentNote>
{
    public async Task<AppointmentNote> Handle(FindAppointmentNote request, CancellationToken cancellationToken)
    {
        if (!access.IsClinician)
        {
            throw new NotFoundException("Appointment", request.AppointmentId);
        }

        var appointment = await mediator.Send(new GetAppointment(request.AppointmentId), cancellationToken);
        var noteId = await db.Notes.AsNoTracking().Where(n => n.AppointmentId == appointment.Id).Select(n => (Guid?)n.Id).SingleOrDefaultAsync(cancellationToken);
        return new AppointmentNote(appointment, noteId);
    }
}
