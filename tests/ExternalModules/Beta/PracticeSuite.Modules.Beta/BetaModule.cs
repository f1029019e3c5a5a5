using MediatR;
using PracticeSuite.Modules.Beta.Contracts;
using PracticeSuite.SharedKernel.Hosting.Modules;

namespace PracticeSuite.Modules.Beta;

public sealed class BetaModule : IModule
{
    public string Name => "Beta";
}

public sealed class GetGreetingHandler : IRequestHandler<GetGreeting, Greeting>
{
    public Task<Greeting> Handle(GetGreeting request, CancellationToken cancellationToken) =>
        Task.FromResult(new Greeting($"Hello, {request.Name}!", "Beta"));
}
