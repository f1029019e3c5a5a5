using PracticeSuite.SharedKernel.Hosting.Persistence;

namespace PracticeSuite.Modules.TreatmentPlans.Infrastructure.Migrations;

internal abstract class TreatmentPlansMigration : ModuleMigration
{
    public const string Module = "TreatmentPlans";

    protected override string ModuleName => Module;
}
