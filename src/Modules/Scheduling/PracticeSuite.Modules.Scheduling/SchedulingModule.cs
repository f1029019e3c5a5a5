using Autofac;
using Microsoft.AspNetCore.Routing;
using PracticeSuite.Modules.Scheduling.Application;
using PracticeSuite.Modules.Scheduling.Features.Appointments;
using PracticeSuite.Modules.Scheduling.Features.Privacy;
using PracticeSuite.Modules.Scheduling.Features.Seeding;
using PracticeSuite.Modules.Scheduling.Features.Therapists;
using PracticeSuite.Modules.Scheduling.Infrastructure;
using PracticeSuite.SharedKernel.Hosting.Behaviours;
using PracticeSuite.SharedKernel.Hosting.Modules;
using PracticeSuite.SharedKernel.Hosting.Platform;

namespace PracticeSuite.Modules.Scheduling;

/// <summary>
/// Services, rooms, therapists' hours, time off and closures; appointments from booking to completion; the clinic's
/// calendar. Times are stored as UTC instants and entered and shown in the clinic's zone (<c>Clinic:TimeZone</c>).
/// Requires Clients: a booking names a client, and check-in asks whether the client may be treated today.
/// </summary>
public sealed class SchedulingModule : IModule
{
    public string Name => "Scheduling";

    public IReadOnlyCollection<string> Requires => ["Clients"];

    public IReadOnlyList<NavigationLink> Navigation =>
    [
        new("Calendar", "/Calendar", 90, Policies.Staff),
        new("Appointments", "/Portal/Appointments", 105, Policies.Client),
        new("Therapists", "/Calendar/Settings/Therapists", 810, Policies.Manager),
    ];

    public void Register(ModuleRegistration registration)
    {
        registration.AddDbContext<SchedulingDbContext>();

        var container = registration.Container;
        var options = SchedulingOptions.From(registration.Settings);
        container.RegisterInstance(options).AsSelf();
        container.RegisterType<AppointmentAccess>().AsSelf().InstancePerLifetimeScope();
        container.RegisterGeneric(typeof(AppointmentAccessCheck<>)).As(typeof(IRequestAccessCheck<>)).InstancePerDependency();
        // Replaces the platform's directory (bookability unknown): licences are kept here (ADR 0028).
        container.RegisterType<SchedulingTherapistDirectory>().As<ITherapistDirectory>().InstancePerLifetimeScope();
        container.RegisterType<TherapistCredentialsDashboard>().As<IHomeDashboardContributor>().InstancePerLifetimeScope();
        container.RegisterType<SlotRules>().AsSelf().InstancePerLifetimeScope();
        container.RegisterType<SchedulingSeeds>().AsSelf().InstancePerLifetimeScope();
        container.RegisterType<SeriesPlanner>().AsSelf().InstancePerLifetimeScope();
        container.RegisterType<AppointmentMessages>().AsSelf().InstancePerLifetimeScope();
        container.RegisterType<AppointmentCalendar>().AsSelf().InstancePerLifetimeScope();
        container.RegisterType<AppointmentViews>().AsSelf().InstancePerLifetimeScope();
        container.RegisterType<SchedulingAuditActions>().As<IAuditActions>().SingleInstance();
        container.RegisterType<SchedulingPersonalData>().As<IPersonalDataSection>().InstancePerLifetimeScope();
        container.RegisterType<SchedulingPersonaRecords>().As<IPersonaRecords>().InstancePerLifetimeScope();
        container.RegisterType<SchedulingDemoRecords>().As<IDemoRecords>().InstancePerLifetimeScope();
    }

    public void MapEndpoints(IEndpointRouteBuilder api) => SchedulingApi.Map(api);
}
