using PracticeSuite.SharedKernel.Hosting.Persistence;

namespace PracticeSuite.Modules.Scheduling.Infrastructure.Migrations;

internal abstract class SchedulingMigration : ModuleMigration
{
    public const string Module = "Scheduling";

    protected override string ModuleName => Module;
}
