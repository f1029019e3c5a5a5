using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Clients.Domain;
using PracticeSuite.Modules.Clients.Infrastructure;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Hosting.Behaviours;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Identity;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Modules.Clients.Application;

/// <summary>
/// Record-level visibility, applied by every handler that takes a client id: a manager and reception see every client, a
/// therapist the clients whose care team includes them, a client only themself. A record the caller may not
/// see is "not found" (404), so its existence is not revealed. The system (a job, an event's handler, seeding)
/// sees every client; nobody (no signed-in person and not the system) sees none. A client found visible is
/// remembered for the rest of the request, so the page filter, the pipeline and a page's several queries ask the
/// database once.
/// </summary>
internal sealed class ClientAccess(ICurrentUser user, ClientsDbContext db)
{
    private readonly HashSet<Guid> _visible = [];

    public bool IsSystem => user.IsSystem;

    public bool IsManager => user.Role == PracticeRole.Manager;

    public bool IsStaff => user.Role is PracticeRole.Manager or PracticeRole.Therapist or PracticeRole.Reception;

    /// <summary>Managers and therapists: the people who read health information (reception does not).</summary>
    public bool IsClinician => user.Role is PracticeRole.Manager or PracticeRole.Therapist;

    /// <summary>Who is changing a care team, for the domain's rule: a therapist on their own account, or the clinic.</summary>
    public CareTeamEditor CareTeamEditor() =>
        user.Role == PracticeRole.Therapist && !IsSystem
            ? Domain.CareTeamEditor.Therapist(user.TherapistId ?? Guid.Empty) // an account without a profile is on no team
            : Domain.CareTeamEditor.Clinic;

    public bool IsClientThemself(Guid clientId) => user.Role == PracticeRole.Client && user.ClientId == clientId;

    /// <summary>Who the caller may see, as data: the one rule that <see cref="Visible"/> and the search's SQL both apply.</summary>
    public SearchScope SearchScope() => (IsSystem || IsManager || user.Role == PracticeRole.Reception, user.Role) switch
    {
        (true, _) => new SearchScope(true, null, null),
        (_, PracticeRole.Therapist) when user.TherapistId is { } therapistId => new SearchScope(false, therapistId, null),
        (_, PracticeRole.Client) when user.ClientId is { } clientId => new SearchScope(false, null, clientId),
        _ => new SearchScope(false, null, null),
    };

    public IQueryable<Client> Visible()
    {
        var clients = db.Clients.AsQueryable();
        return SearchScope() switch
        {
            { Everyone: true } => clients,
            // Driven from the care-team index on TherapistId: a therapist's few clients, not a probe per client.
            { TherapistId: { } therapistId } =>
                clients.Where(c => db.CareTeamMembers.Where(m => m.TherapistId == therapistId).Select(m => m.ClientId).Contains(c.Id)),
            { ClientId: { } clientId } => clients.Where(c => c.Id == clientId),
            _ => clients.Where(_ => false),
        };
    }

    /// <summary>The client with its care team, preferences, search terms and fragments, tracked for a change.</summary>
    public async Task<Client> GetForUpdateAsync(Guid clientId, CancellationToken cancellationToken) =>
        await Visible()
            .Include(c => c.CareTeam)
            .Include(c => c.ContactPreferences)
            .Include(c => c.SearchTerms)
            .Include(c => c.SearchFragments)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == clientId, cancellationToken)
        ?? throw new NotFoundException("Client", clientId);

    public async Task<Client> GetAsync(Guid clientId, CancellationToken cancellationToken) =>
        await Visible()
            .AsNoTracking()
            .Include(c => c.CareTeam)
            .Include(c => c.ContactPreferences)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == clientId, cancellationToken)
        ?? throw new NotFoundException("Client", clientId);

    public async Task EnsureVisibleAsync(Guid clientId, CancellationToken cancellationToken)
    {
        if (_visible.Contains(clientId))
        {
            return;
        }

        if (!await Visible().AnyAsync(c => c.Id == clientId, cancellationToken))
        {
            throw new NotFoundException("Client", clientId);
        }

        _visible.Add(clientId);
    }

    /// <summary>Things only the client may do for themself (signing consent), or a manager for privacy requests.</summary>
    public async Task EnsureSelfAsync(Guid clientId, bool orManager, CancellationToken cancellationToken)
    {
        if (!(IsClientThemself(clientId) || (orManager && IsManager)))
        {
            throw new NotFoundException("Client", clientId);
        }

        await EnsureVisibleAsync(clientId, cancellationToken);
    }
}

/// <summary>Runs ahead of validation (see <see cref="AccessCheckBehavior{TRequest, TResponse}"/>): a record the caller may not see is a 404, never a list of field errors.</summary>
internal sealed class ClientRecordAccessCheck<TRequest>(ClientAccess access) : IRequestAccessCheck<TRequest>
    where TRequest : IClientRecordRequest
{
    public Task EnsureAllowedAsync(TRequest request, CancellationToken cancellationToken) =>
        access.EnsureVisibleAsync(request.ClientId, cancellationToken);
}
