using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.TreatmentPlans.Contracts;
using PracticeSuite.Modules.TreatmentPlans.Infrastructure;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Hosting.Behaviours;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Identity;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Modules.TreatmentPlans.Application;

/// <summary>A request about a client's clinical record in this module (assessments, plans): clinicians only.</summary>
internal interface IClinicalRequest;

/// <summary>A request about one assessment.</summary>
internal interface IAssessmentRequest : IClinicalRequest
{
    Guid AssessmentId { get; }
}

/// <summary>
/// Who may read or change assessments and plans: managers and therapists, and of those a therapist only for the clients
/// whose care team they are on (the Clients module decides, through its query); reception and clients never. Anything
/// else is "not found", as everywhere else. The system (a job, an event's handler) sees every record.
/// </summary>
internal sealed class ClinicalAccess(ICurrentUser user, TreatmentPlansDbContext db, IMediator mediator)
{
    private readonly HashSet<Guid> _visibleClients = [];

    public bool IsClinician => user.IsSystem || user.Role is PracticeRole.Manager or PracticeRole.Therapist;

    /// <summary>The therapist a new assessment or plan is recorded under: the caller, or for a manager the client's first care-team therapist.</summary>
    public Guid? TherapistId => user.TherapistId;

    public async Task EnsureClientAsync(Guid clientId, CancellationToken cancellationToken)
    {
        if (!IsClinician)
        {
            throw new NotFoundException("Client", clientId);
        }

        if (_visibleClients.Contains(clientId))
        {
            return;
        }

        // The Clients module's access check answers "not found" for a client outside the caller's care team.
        _ = await mediator.Send(new GetClientSummary(clientId), cancellationToken);
        _visibleClients.Add(clientId);
    }

    public async Task EnsurePlanAsync(Guid planId, CancellationToken cancellationToken)
    {
        var clientId = await db.Plans.Where(p => p.Id == planId).Select(p => (Guid?)p.ClientId).SingleOrDefaultAsync(cancellationToken);
        await EnsureOwnerAsync("Plan", planId, clientId, cancellationToken);
    }

    public async Task EnsureAssessmentAsync(Guid assessmentId, CancellationToken cancellationToken)
    {
        var clientId = await db.Assessments.Where(a => a.Id == assessmentId).Select(a => (Guid?)a.ClientId).SingleOrDefaultAsync(cancellationToken);
        await EnsureOwnerAsync("Assessment", assessmentId, clientId, cancellationToken);
    }

    public async Task EnsureNoteAsync(Guid noteId, CancellationToken cancellationToken)
    {
        var clientId = await db.Notes.Where(n => n.Id == noteId).Select(n => (Guid?)n.ClientId).SingleOrDefaultAsync(cancellationToken);
        await EnsureOwnerAsync("Session note", noteId, clientId, cancellationToken);
    }

    private async Task EnsureOwnerAsync(string what, Guid id, Guid? clientId, CancellationToken cancellationToken)
    {
        if (clientId is not { } owner || !IsClinician)
        {
            throw new NotFoundException(what, id);
        }

        try
        {
            await EnsureClientAsync(owner, cancellationToken);
        }
        catch (NotFoundException)
        {
            throw new NotFoundException(what, id);
        }
    }
}

/// <summary>Client-keyed requests of this module: the Clients module's own check has run; this adds "clinicians only".</summary>
internal sealed class ClinicalRequestAccessCheck<TRequest>(ClinicalAccess access) : IRequestAccessCheck<TRequest>
    where TRequest : IClinicalRequest
{
    public Task EnsureAllowedAsync(TRequest request, CancellationToken cancellationToken) => request switch
    {
        IAssessmentRequest assessment => access.EnsureAssessmentAsync(assessment.AssessmentId, cancellationToken),
        Features.Notes.INoteRequest note => access.EnsureNoteAsync(note.NoteId, cancellationToken),
        IClientRecordRequest client => access.EnsureClientAsync(client.ClientId, cancellationToken),
        _ => access.IsClinician ? Task.CompletedTask : throw new NotFoundException("Record", "clinical"),
    };
}

internal sealed class PlanRequestAccessCheck<TRequest>(ClinicalAccess access) : IRequestAccessCheck<TRequest>
    where TRequest : IPlanRequest
{
    public Task EnsureAllowedAsync(TRequest request, CancellationToken cancellationToken) => access.EnsurePlanAsync(request.PlanId, cancellationToken);
}
