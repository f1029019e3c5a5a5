using Autofac;
using Microsoft.Extensions.Configuration;
using PracticeSuite.SharedKernel.Hosting.Persistence;

namespace PracticeSuite.SharedKernel.Hosting.Modules;

/// <summary>What a module gets to register itself: the one container, the configuration and its own settings.</summary>
public sealed class ModuleRegistration(string moduleName, ContainerBuilder container, IConfiguration configuration)
{
    private readonly List<Type> _dbContextTypes = [];

    public string ModuleName { get; } = moduleName;

    public ContainerBuilder Container { get; } = container;

    public IConfiguration Configuration { get; } = configuration;

    /// <summary>The module's own section, <c>Modules:&lt;Name&gt;</c>.</summary>
    public IConfigurationSection Settings => Configuration.GetSection($"Modules:{ModuleName}");

    /// <summary>The DbContexts the module registered; the host migrates them at start-up.</summary>
    public IReadOnlyList<Type> DbContextTypes => _dbContextTypes;

    /// <summary>
    /// Registers the module's DbContext on the shared database, with the module's schema or table
    /// prefix and migration history table. Commands of this module run in its transaction.
    /// </summary>
    public void AddDbContext<TContext>() where TContext : ModuleDbContext
    {
        var moduleName = ModuleName;
        Container.Register(c => c.Resolve<PracticeDatabase>().CreateOptions<TContext>(moduleName))
            .As<Microsoft.EntityFrameworkCore.DbContextOptions<TContext>>()
            .SingleInstance();
        Container.RegisterType<TContext>()
            .AsSelf()
            .Keyed<ModuleDbContext>(moduleName)
            .InstancePerLifetimeScope()
            .OnActivated(e => e.Instance.Time = e.Context.Resolve<TimeProvider>());
        _dbContextTypes.Add(typeof(TContext));
    }
}
