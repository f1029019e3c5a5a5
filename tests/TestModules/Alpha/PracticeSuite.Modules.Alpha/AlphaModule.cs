using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PracticeSuite.Modules.Alpha.Application;
using PracticeSuite.Modules.Alpha.Infrastructure;
using PracticeSuite.Modules.Beta.Contracts;
using PracticeSuite.SharedKernel.Hosting.Modules;

namespace PracticeSuite.Modules.Alpha;

public sealed class AlphaModule : IModule
{
    public string Name => "Alpha";

    public IReadOnlyCollection<string> Requires => ["Beta"];

    public IReadOnlyList<NavigationLink> Navigation => [new("Alpha visits", "/Alpha", 900)];

    public void Register(ModuleRegistration registration) => registration.AddDbContext<AlphaDbContext>();

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        // A test module: its endpoints are open, and say so (undeclared endpoints are denied).
        api = ((RouteGroupBuilder)api).MapGroup("").AllowAnonymous();
        api.MapGet("/greeting/{name}", (string name, IMediator mediator, CancellationToken ct) => mediator.Send(new GetGreeting(name), ct));
        api.MapGet("/visits", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListVisits(), ct));
        api.MapPost("/visits", async (RecordVisit command, IMediator mediator, CancellationToken ct) =>
        {
            var id = await mediator.Send(command, ct);
            return Results.Created($"/api/alpha/visits/{id}", new { id });
        });

        // Fails on purpose, so tests can check that an unexpected error reaches callers without its details.
        api.MapGet("/fault", string () => throw new InvalidOperationException("internal detail that must not leak"));
    }
}
