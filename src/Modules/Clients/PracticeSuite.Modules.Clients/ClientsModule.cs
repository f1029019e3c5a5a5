using Autofac;
using PracticeSuite.Modules.Clients.Application;
using PracticeSuite.Modules.Clients.Infrastructure;
using PracticeSuite.SharedKernel.Hosting.Behaviours;
using PracticeSuite.SharedKernel.Hosting.Modules;
using PracticeSuite.SharedKernel.Hosting.Platform;
using Microsoft.AspNetCore.Routing;

namespace PracticeSuite.Modules.Clients;

/// <summary>
/// Client records, health intake with signed consent, screening flags that gate treatment, search and privacy.
/// Settings: <c>Modules:Clients:ClinicTimeZone</c> (IANA id, default Europe/London) decides when "today" ends.
/// </summary>
public sealed class ClientsModule : IModule
{
    public string Name => "Clients";

    public IReadOnlyList<NavigationLink> Navigation =>
    [
        new("Clients", "/Clients", 100, Policies.Staff),
        new("My details", "/Portal", 110, Policies.Client),
    ];

    public void Register(ModuleRegistration registration)
    {
        registration.AddDbContext<ClientsDbContext>();

        var zoneId = registration.Settings["ClinicTimeZone"] is { Length: > 0 } configured ? configured : ClientsSettings.DefaultClinicTimeZone;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var clinicZone))
        {
            throw new InvalidOperationException($"Modules:Clients:ClinicTimeZone is '{zoneId}', which is not a known time zone (use an IANA id such as Europe/London).");
        }

        var container = registration.Container;
        container.RegisterInstance(new ClientsSettings(clinicZone));
        container.RegisterType<ClinicCalendar>().AsSelf().SingleInstance();
        container.RegisterType<ClientAccess>().AsSelf().InstancePerLifetimeScope();
        container.RegisterGeneric(typeof(ClientRecordAccessCheck<>)).As(typeof(IRequestAccessCheck<>)).InstancePerDependency();
        container.RegisterType<ScreeningEvaluator>().AsSelf().InstancePerLifetimeScope();
        container.RegisterType<ClientsPersonalDataSection>().As<IPersonalDataSection>().InstancePerLifetimeScope();
        container.RegisterType<ClientPersonaRecords>().As<IPersonaRecords>().InstancePerLifetimeScope();
        container.RegisterType<ClientDemoRecords>().As<IDemoRecords>().InstancePerLifetimeScope();
    }

    public void MapEndpoints(IEndpointRouteBuilder api) => ClientsApi.Map(api);
}
