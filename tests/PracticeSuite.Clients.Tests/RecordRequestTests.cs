using System.Reflection;
using System.Runtime.CompilerServices;
using Autofac;
using MediatR;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Messaging;
using Xunit;

namespace PracticeSuite.Clients.Tests;

/// <summary>
/// Requests that name a client's record are marked, and the pipeline checks the mark: nobody (no signed-in person,
/// not the system) reaches no record, whatever page or job would send the request.
/// </summary>
[Trait("Category", "Persistence")]
public sealed class RecordRequestTests(ClientsHost host) : IClassFixture<ClientsHost>
{
    private IReadOnlyList<Type> RequestTypes()
    {
        Assert.NotNull(host.Factory.Server); // the host has loaded the module
        return AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name is "PracticeSuite.Modules.Clients" or "PracticeSuite.Modules.Clients.Contracts")
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBaseRequest).IsAssignableFrom(t))
            .ToList();
    }

    [Fact]
    public void Every_request_that_names_a_client_carries_the_record_mark()
    {
        var naming = RequestTypes().Where(t => t.GetProperty("ClientId")?.PropertyType == typeof(Guid)).ToList();

        Assert.True(naming.Count >= 10, $"only {naming.Count} requests name a client");
        Assert.All(naming, t => Assert.True(typeof(IClientRecordRequest).IsAssignableFrom(t), $"{t.Name} names a client but is not an IClientRecordRequest"));
    }

    [Fact]
    public async Task Without_a_signed_in_person_or_the_system_every_record_request_finds_no_record()
    {
        var id = await host.Manager().RegisterAsync(Api.NewClient());
        var marked = RequestTypes().Where(t => typeof(IClientRecordRequest).IsAssignableFrom(t)).ToList();
        Assert.NotEmpty(marked);

        foreach (var type in marked)
        {
            var outcome = await SendAsync(type, id);
            Assert.True(outcome is NotFoundException, $"{type.Name} sent by nobody ended with {outcome?.GetType().Name ?? "an answer"}, not 'not found'");
        }

        // The record is there: the system reaches it.
        using (SystemPrincipal.Enter())
        {
            Assert.Null(await SendAsync(marked.Single(t => t.Name == "GetClientSummary"), id));
        }
    }

    /// <summary>Sends a request of <paramref name="type"/> naming <paramref name="clientId"/>, its other fields unset; returns what it threw.</summary>
    private async Task<Exception?> SendAsync(Type type, Guid clientId)
    {
        var request = RuntimeHelpers.GetUninitializedObject(type);
        type.GetProperty("ClientId")!.SetValue(request, clientId);
        var response = type.GetInterfaces().Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)).GenericTypeArguments[0];
        var send = typeof(IMediator).GetMethods().Single(m => m.Name == nameof(IMediator.Send) && m.IsGenericMethodDefinition).MakeGenericMethod(response);
        await using var scope = host.Factory.Container.BeginLifetimeScope();
        try
        {
            await (Task)send.Invoke(scope.Resolve<IMediator>(), [request, CancellationToken.None])!;
            return null;
        }
        catch (Exception exception)
        {
            return exception is TargetInvocationException { InnerException: { } inner } ? inner : exception;
        }
    }
}
