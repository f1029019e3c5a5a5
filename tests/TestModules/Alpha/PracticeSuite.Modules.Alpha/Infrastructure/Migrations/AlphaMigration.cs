using PracticeSuite.SharedKernel.Hosting.Persistence;

namespace PracticeSuite.Modules.Alpha.Infrastructure;

public abstract class AlphaMigration : ModuleMigration
{
    public const string Module = "Alpha";

    protected override string ModuleName => Module;
}
