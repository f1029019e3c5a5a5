using Autofac;
using Microsoft.AspNetCore.Routing;
using PracticeSuite.Modules.TreatmentPlans.Application;
using PracticeSuite.Modules.TreatmentPlans.Contracts;
using PracticeSuite.Modules.TreatmentPlans.Features.Assessments;
using PracticeSuite.Modules.TreatmentPlans.Features.Notes;
using PracticeSuite.Modules.TreatmentPlans.Features.Plans;
using PracticeSuite.Modules.TreatmentPlans.Features.Privacy;
using PracticeSuite.Modules.TreatmentPlans.Features.Reference;
using PracticeSuite.Modules.TreatmentPlans.Features.Seeding;
using PracticeSuite.Modules.TreatmentPlans.Infrastructure;
using PracticeSuite.SharedKernel.Hosting.Behaviours;
using PracticeSuite.SharedKernel.Hosting.Modules;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Modules.TreatmentPlans;

/// <summary>
/// The clinical side of the course of care: the muscle library with trigger-point referral patterns and suggestions, the
/// body chart, assessments and measurable treatment plans behind the Clients module's clearance gate, and the plan's
/// course booked through Scheduling. Clinicians only: reception and clients never see this module's records.
/// </summary>
public sealed class TreatmentPlansModule : IModule
{
    public string Name => "TreatmentPlans";

    public IReadOnlyCollection<string> Requires => ["Clients", "Scheduling"];

    public IReadOnlyList<NavigationLink> Navigation =>
    [
        new("Muscle library", "/TreatmentPlans/Library", 120, Policies.Clinician),
        new("Treatment plan", "/Portal/Plans", 106, Policies.Client),
    ];

    public void Register(ModuleRegistration registration)
    {
        registration.AddDbContext<TreatmentPlansDbContext>();

        var container = registration.Container;
        container.RegisterInstance(TreatmentPlansOptions.From(registration.Settings)).AsSelf();
        container.RegisterType<ClinicalAccess>().AsSelf().InstancePerLifetimeScope();
        container.RegisterGeneric(typeof(ClinicalRequestAccessCheck<>)).As(typeof(IRequestAccessCheck<>)).InstancePerDependency();
        container.RegisterGeneric(typeof(PlanRequestAccessCheck<>)).As(typeof(IRequestAccessCheck<>)).InstancePerDependency();
        container.RegisterType<RecordingTherapist>().AsSelf().InstancePerLifetimeScope();
        container.RegisterType<MuscleCatalogue>().AsSelf().InstancePerLifetimeScope();
        container.RegisterType<PlanCourses>().AsSelf().InstancePerLifetimeScope();
        container.RegisterType<PlanProgressReader>().AsSelf().InstancePerLifetimeScope();
        container.RegisterType<TreatmentPlansAuditActions>().As<IAuditActions>().SingleInstance();
        container.RegisterType<TreatmentPlansPersonalData>().As<IPersonalDataSection>().InstancePerLifetimeScope();
        container.RegisterType<TreatmentPlansPersonaRecords>().As<IPersonaRecords>().As<IDemoRecords>().InstancePerLifetimeScope();
    }

    public void MapEndpoints(IEndpointRouteBuilder api) => TreatmentPlansApi.Map(api);
}

/// <summary>The module's audited actions, for the platform's audit pages.</summary>
internal sealed class TreatmentPlansAuditActions : IAuditActions
{
    public IReadOnlyCollection<AuditAction> Actions =>
    [
        AssessmentAudit.Started, AssessmentAudit.Changed, AssessmentAudit.Read,
        NoteAudit.Opened, NoteAudit.Changed, NoteAudit.Signed, NoteAudit.Amended, NoteAudit.Read,
        PlanAudit.Drafted, PlanAudit.Changed, PlanAudit.Activated, PlanAudit.Completed, PlanAudit.Discontinued, PlanAudit.Read, PlanAudit.ListRead,
        ProgressAudit.Read, ProgressAudit.ReadByClient,
    ];
}
