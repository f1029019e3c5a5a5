using MediatR;
using PracticeSuite.Modules.Beta.Contracts;
using PracticeSuite.SharedKernel.Hosting.Modules;

namespace PracticeSuite.Modules.Faulty;

public sealed class FaultyModule : IModule
{
    public string Name => "Faulty";
}

/// <summary>A second answer to Beta's query: with Beta enabled too, the query has two handlers.</summary>
public sealed class CompetingGreetingHandler : IRequestHandler<GetGreeting, Greeting>
{
    public Task<Greeting> Handle(GetGreeting request, CancellationToken cancellationToken) =>
        Task.FromResult(new Greeting($"Hi {request.Name}", "Faulty"));
}
