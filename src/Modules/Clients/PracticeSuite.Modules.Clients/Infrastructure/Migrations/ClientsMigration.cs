using PracticeSuite.SharedKernel.Hosting.Persistence;

namespace PracticeSuite.Modules.Clients.Infrastructure;

internal abstract class ClientsMigration : ModuleMigration
{
    public const string Module = "Clients";

    protected override string ModuleName => Module;
}
