using Autofac;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Host.Modules;
using PracticeSuite.SharedKernel.Hosting.Persistence;

namespace PracticeSuite.Host.Persistence;

/// <summary>Prepares the database and applies every loaded module's pending migrations, module by module.</summary>
public static class ModuleMigrator
{
    public static async Task MigrateAsync(ILifetimeScope root, ModuleCatalog catalog, ILogger logger, CancellationToken cancellationToken)
    {
        var database = root.Resolve<PracticeDatabase>();
        await database.PrepareAsync(cancellationToken);
        var contexts = catalog.Modules.SelectMany(m => m.DbContextTypes.Select(type => (Module: m.Name, Type: type)))
            .Prepend((Module: PlatformDbContext.Name, Type: typeof(PlatformDbContext)));
        foreach (var (moduleName, contextType) in contexts)
        {
            {
                await using var scope = root.BeginLifetimeScope();
                var db = (DbContext)scope.Resolve(contextType);
                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
                if (pending.Count == 0)
                {
                    continue;
                }

                logger.LogInformation("Module {Module}: applying migrations {Migrations}", moduleName, pending);
                await db.Database.MigrateAsync(cancellationToken);
            }
        }
    }
}
