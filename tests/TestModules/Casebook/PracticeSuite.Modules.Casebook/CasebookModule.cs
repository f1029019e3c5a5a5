using System.Collections.Concurrent;
using Autofac;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PracticeSuite.SharedKernel.Hosting.Modules;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Identity;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Modules.Casebook;

/// <summary>A test module that owns client notes: a client sees their own, a therapist the clients they treat, a manager all.</summary>
public sealed class CasebookModule : IModule
{
    public string Name => "Casebook";

    public IReadOnlyList<NavigationLink> Navigation => [new("Casebook", "/Casebook", 950, Policies.Staff)];

    public void Register(ModuleRegistration registration)
    {
        registration.Container.RegisterType<CasebookStore>().SingleInstance();
        registration.Container.RegisterType<CasebookAuditActions>().As<IAuditActions>().SingleInstance();
        registration.Container.RegisterType<CasebookClientNames>().As<IClientNames>().InstancePerDependency();
        registration.Container.RegisterType<CasebookPersonaRecords>().As<IPersonaRecords>().InstancePerDependency();
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        api.MapGet("/clients/{clientId:guid}/notes", async (Guid clientId, IMediator mediator, CancellationToken ct) =>
            await mediator.Send(new GetCasebookNotes(clientId), ct) is { } notes
                ? Results.Ok(new { clientId, notes })
                : Results.NotFound()) // someone else's record: not even its existence is told
            .RequireAuthorization(Policies.SignedIn);
        api.MapGet("/clinic-summary", (CasebookStore store) => new { clients = store.ClientCount }).RequireAuthorization(Policies.Staff);
        api.MapGet("/settings", () => new { retentionYears = 7 }).RequireAuthorization(Policies.Manager);
        api.MapGet("/my-notes", (CasebookStore store, ICurrentUser user) => store.NotesOf(user.ClientId ?? Guid.Empty)).RequireAuthorization(Policies.Client);

        // Declares no policy on purpose: the host must deny it to everyone.
        api.MapGet("/undeclared", () => "this must never be answered");
    }
}

/// <summary>A client's notes, audited as a read by the pipeline; null for a record the caller may not see.</summary>
public sealed record GetCasebookNotes(Guid ClientId) : IQuery<IReadOnlyList<string>?>, IAuditedRequest<IReadOnlyList<string>?>
{
    public static readonly AuditAction NotesRead = new("casebook.notes.read", AuditKind.Read, "Read the casebook notes");

    public AuditSubject? DescribeAudit(IReadOnlyList<string>? notes) => notes is null ? null : new(NotesRead, "Notes", ClientId.ToString(), ClientId);
}

public sealed class GetCasebookNotesHandler(CasebookStore store, ICurrentUser user) : IRequestHandler<GetCasebookNotes, IReadOnlyList<string>?>
{
    public Task<IReadOnlyList<string>?> Handle(GetCasebookNotes request, CancellationToken cancellationToken) =>
        Task.FromResult(store.MaySee(user, request.ClientId) ? store.NotesOf(request.ClientId) : null);
}

public sealed class CasebookAuditActions : IAuditActions
{
    public IReadOnlyCollection<AuditAction> Actions => [GetCasebookNotes.NotesRead];
}

/// <summary>Who is treated by whom, and each client's notes (in memory: the matrix needs records, not storage).</summary>
public sealed class CasebookStore
{
    private readonly ConcurrentDictionary<Guid, (Guid TherapistId, string Note, string? Name)> _clients = new();

    public int ClientCount => _clients.Count;

    /// <summary>A client with no name was erased: the notes stay (records the law keeps), the name is gone.</summary>
    public void Add(Guid clientId, Guid therapistId, string note, string? name) => _clients[clientId] = (therapistId, note, name);

    public string? NameOf(Guid clientId) => _clients.TryGetValue(clientId, out var entry) ? entry.Name ?? IClientNames.ErasedClient : null;

    public IReadOnlyList<string> NotesOf(Guid clientId) => _clients.TryGetValue(clientId, out var entry) ? [entry.Note] : [];

    public bool MaySee(ICurrentUser user, Guid clientId) => user.Role switch
    {
        PracticeRole.Manager => true,
        PracticeRole.Therapist => _clients.TryGetValue(clientId, out var entry) && entry.TherapistId == user.TherapistId,
        PracticeRole.Client => user.ClientId == clientId,
        _ => false,
    };
}

public sealed class CasebookPersonaRecords(CasebookStore store) : IPersonaRecords
{
    public static readonly Guid ErasedClientId = Guid.Parse("e7a5ed00-0000-4000-8000-00000000c11e");

    public Task<IReadOnlyDictionary<string, string>> SeedAsync(Personas personas, CancellationToken cancellationToken)
    {
        store.Add(personas.ClientA.ClientId!.Value, personas.TherapistA.TherapistId!.Value, "Upper trapezius trigger points; responds well to pressure.", personas.ClientA.DisplayName);
        store.Add(personas.ClientB.ClientId!.Value, personas.TherapistB.TherapistId!.Value, "Lower back; avoid deep pressure.", personas.ClientB.DisplayName);
        store.Add(ErasedClientId, personas.TherapistA.TherapistId!.Value, "Kept for the retention period.", name: null);
        return Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>
        {
            ["clientId"] = personas.ClientA.ClientId!.Value.ToString(),
            ["erasedClientId"] = ErasedClientId.ToString(),
        });
    }
}

public sealed class CasebookClientNames(CasebookStore store) : IClientNames
{
    public Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> clientIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<Guid, string>>(clientIds
            .Select(id => (Id: id, Name: store.NameOf(id)))
            .Where(c => c.Name is not null)
            .ToDictionary(c => c.Id, c => c.Name!));
}
