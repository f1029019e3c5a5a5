using System.Collections.Concurrent;
using Autofac;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PracticeSuite.SharedKernel.Hosting.Modules;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Identity;

namespace PracticeSuite.Modules.Casebook;

/// <summary>A test module that owns client notes: a client sees their own, a therapist the clients they treat, a manager all.</summary>
public sealed class CasebookModule : IModule
{
    public string Name => "Casebook";

    public IReadOnlyList<NavigationLink> Navigation => [new("Casebook", "/Casebook", 950, Policies.Staff)];

    public void Register(ModuleRegistration registration)
    {
        registration.Container.RegisterType<CasebookStore>().SingleInstance();
        registration.Container.RegisterType<CasebookPersonaRecords>().As<IPersonaRecords>().InstancePerDependency();
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        api.MapGet("/clients/{clientId:guid}/notes", async (Guid clientId, CasebookStore store, ICurrentUser user, IAuditTrail audit, CancellationToken ct) =>
        {
            if (!store.MaySee(user, clientId))
            {
                return Results.NotFound(); // someone else's record: not even its existence is told
            }

            await audit.RecordAsync(new AuditEntry("casebook.notes.read", "Notes", clientId.ToString(), clientId), ct);
            return Results.Ok(new { clientId, notes = store.NotesOf(clientId) });
        }).RequireAuthorization(Policies.SignedIn);
        api.MapGet("/clinic-summary", (CasebookStore store) => new { clients = store.ClientCount }).RequireAuthorization(Policies.Staff);
        api.MapGet("/settings", () => new { retentionYears = 7 }).RequireAuthorization(Policies.Manager);
        api.MapGet("/my-notes", (CasebookStore store, ICurrentUser user) => store.NotesOf(user.ClientId ?? Guid.Empty)).RequireAuthorization(Policies.Client);

        // Declares no policy on purpose: the host must deny it to everyone.
        api.MapGet("/undeclared", () => "this must never be answered");
    }
}

/// <summary>Who is treated by whom, and each client's notes (in memory: the matrix needs records, not storage).</summary>
public sealed class CasebookStore
{
    private readonly ConcurrentDictionary<Guid, (Guid TherapistId, string Note)> _clients = new();

    public int ClientCount => _clients.Count;

    public void Add(Guid clientId, Guid therapistId, string note) => _clients[clientId] = (therapistId, note);

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
    public Task<IReadOnlyDictionary<string, string>> SeedAsync(Personas personas, CancellationToken cancellationToken)
    {
        store.Add(personas.ClientA.ClientId!.Value, personas.TherapistA.TherapistId!.Value, "Upper trapezius trigger points; responds well to pressure.");
        store.Add(personas.ClientB.ClientId!.Value, personas.TherapistB.TherapistId!.Value, "Lower back; avoid deep pressure.");
        return Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string> { ["clientId"] = personas.ClientA.ClientId!.Value.ToString() });
    }
}
