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
        foreach (var module in catalog.Modules)
        {
            foreach (var contextType in module.DbContextTypes)
            {
                await using var scope = root.BeginLifetimeScope();
                var db = (DbContext)scope.Resolve(contextType);
                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
                if (pending.Count == 0)
                {
                    continue;
                }

                logger.LogInformation("Module {Module}: applying migrations {Migrations}", module.Name, pending);
                await db.Database.MigrateAsync(cancellationToken);
            }
        }
    }
}
