using Autofac;
using Microsoft.AspNetCore.Routing;
using PracticeSuite.Modules.Clients.Application;
using PracticeSuite.Modules.Clients.Features.Privacy;
using PracticeSuite.Modules.Clients.Features.Screening;
using PracticeSuite.Modules.Clients.Features.Seeding;
using PracticeSuite.Modules.Clients.Infrastructure;
using PracticeSuite.SharedKernel.Hosting.Behaviours;
using PracticeSuite.SharedKernel.Hosting.Modules;
using PracticeSuite.SharedKernel.Hosting.Platform;

namespace PracticeSuite.Modules.Clients;

/// <summary>
/// Client records, health intake with signed consent, screening flags that gate treatment, search and privacy.
/// "Today" (absolute flags, clearance expiry) and the times its pages show are the clinic's, from the platform's
/// <see cref="SharedKernel.Time.ClinicCalendar"/> (<c>Clinic:TimeZone</c>).
/// </summary>
public sealed class ClientsModule : IModule
{
    public string Name => "Clients";

    /// <summary>The record links to the client's appointments when Scheduling runs (a link only: no request is sent to it).</summary>
    public IReadOnlyCollection<string> Uses => ["Scheduling"];

    public IReadOnlyList<NavigationLink> Navigation =>
    [
        new("Clients", "/Clients", 100, Policies.Staff),
        new("My details", "/Portal", 110, Policies.Client),
    ];

    public void Register(ModuleRegistration registration)
    {
        registration.AddDbContext<ClientsDbContext>();

        var container = registration.Container;
        container.RegisterType<ClientAccess>().AsSelf().InstancePerLifetimeScope();
        container.RegisterGeneric(typeof(ClientRecordAccessCheck<>)).As(typeof(IRequestAccessCheck<>)).InstancePerDependency();
        container.RegisterType<ScreeningEvaluator>().AsSelf().InstancePerLifetimeScope();
        container.RegisterType<ClearanceTasks>().AsSelf().InstancePerLifetimeScope();
        container.RegisterType<Features.Consent.ConsentCopy>().AsSelf().InstancePerLifetimeScope();
        container.RegisterType<ClientsPersonalDataSection>().As<IPersonalDataSection>().InstancePerLifetimeScope();
        container.RegisterType<ClientPersonaRecords>().As<IPersonaRecords>().InstancePerLifetimeScope();
        container.RegisterType<ClientDemoRecords>().As<IDemoRecords>().InstancePerLifetimeScope();
        container.RegisterType<ClientAuditActions>().As<IAuditActions>().SingleInstance();
        container.RegisterType<ClientNames>().As<IClientNames>().InstancePerLifetimeScope();
        container.RegisterType<ClientTimeZones>().As<IClientTimeZones>().InstancePerLifetimeScope();
        container.RegisterType<ClientSearchIndexBackfill>().As<Microsoft.Extensions.Hosting.IHostedService>().SingleInstance();
        container.RegisterType<Features.Search.ClientsDashboard>().As<IHomeDashboardContributor>().InstancePerLifetimeScope();
    }

    public void MapEndpoints(IEndpointRouteBuilder api) => ClientsApi.Map(api);
}
