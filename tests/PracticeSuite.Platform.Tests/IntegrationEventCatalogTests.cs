using PracticeSuite.Platform.Messaging;
using PracticeSuite.Platform.Modules;
using PracticeSuite.SharedKernel.Hosting.Modules;
using PracticeSuite.SharedKernel.Messaging;
using Xunit;

namespace PracticeSuite.Platform.Tests;

/// <summary>An event's stable name identifies it for every subscriber, so no two event types may share one.</summary>
public sealed class IntegrationEventCatalogTests
{
    [IntegrationEvent("catalogue-test.thing-happened.v1")]
    public sealed record ThingHappened(Guid Id) : IIntegrationEvent;

    [IntegrationEvent("catalogue-test.thing-happened.v1")]
    public sealed record OtherThingHappened(Guid Id) : IIntegrationEvent;

    private sealed class CatalogueTestModule : IModule
    {
        public string Name => "CatalogueTest";

        public void Register(ModuleRegistration registration)
        {
        }
    }

    [Fact]
    public void Two_event_types_under_one_name_stop_start_up_naming_both()
    {
        var module = new LoadedModule(new CatalogueTestModule(), typeof(ThingHappened).Assembly, contracts: null, AppContext.BaseDirectory);

        var problem = Assert.Throws<StartupConfigurationException>(() => new IntegrationEventCatalog([module]));

        Assert.Contains("'catalogue-test.thing-happened.v1'", problem.Message);
        Assert.Contains(nameof(ThingHappened), problem.Message);
        Assert.Contains(nameof(OtherThingHappened), problem.Message);
    }
}
