using System.Reflection;
using System.Runtime.Loader;
using PracticeSuite.Platform.Modules;
using PracticeSuite.SharedKernel.Hosting.Modules;

namespace PracticeSuite.Host;

/// <summary>
/// Finds the modules named in configuration (<c>Modules:&lt;Name&gt;:Enabled</c>) in the staged modules
/// folder (<c>Modules:Path</c>, default <c>modules/</c> beside the host's binaries) and loads the enabled
/// ones into the default load context, so shared types have one identity everywhere.
/// </summary>
public static class ModuleLoader
{
    public const string PathKey = "Modules:Path";

    private static readonly object ResolverLock = new();
    private static readonly HashSet<string> ProbedFolders = new(StringComparer.Ordinal);
    private static bool _resolverHooked;

    public static string ModulesFolder(IConfiguration configuration) =>
        Path.GetFullPath(configuration[PathKey] is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "modules"));

    /// <summary>The modules named in configuration and whether each is enabled (a module listed without a flag is enabled).</summary>
    public static IReadOnlyList<(string Name, bool Enabled)> ConfiguredModules(IConfiguration configuration) =>
        configuration.GetSection("Modules").GetChildren()
            .Where(section => !string.Equals(section.Key, "Path", StringComparison.OrdinalIgnoreCase)) // a setting, not a module
            .Select(section => (section.Key, IsEnabled(section)))
            .ToList();

    private static bool IsEnabled(IConfigurationSection module) =>
        module["Enabled"] switch
        {
            null or "" => true,
            var text when bool.TryParse(text, out var enabled) => enabled,
            var text => throw new StartupConfigurationException($"Modules:{module.Key}:Enabled is '{text}'; use true or false."),
        };

    public static IReadOnlyList<LoadedModule> Load(IConfiguration configuration, ILogger logger)
    {
        var folder = ModulesFolder(configuration);
        HookResolver(folder);

        var configured = ConfiguredModules(configuration);
        var enabledNames = configured.Where(m => m.Enabled).Select(m => m.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var loaded = new List<LoadedModule>();
        foreach (var (name, enabled) in configured)
        {
            if (!enabled)
            {
                logger.LogInformation("Module {Module} is disabled by configuration", name);
                continue;
            }

            loaded.Add(LoadOne(folder, name));
        }

        ReportUnconfiguredFolders(folder, configured.Select(m => m.Name), logger);
        RejectDuplicateNames(loaded);
        RejectMissingRequirements(loaded, enabledNames, configured);
        foreach (var module in loaded)
        {
            logger.LogInformation("Loaded module {Module} from {Folder}", module.Name, module.Folder);
        }

        return loaded;
    }

    private static LoadedModule LoadOne(string folder, string name)
    {
        var moduleFolder = Path.Combine(folder, name);
        var assemblyPath = Path.Combine(moduleFolder, ModuleNames.ModuleAssembly(name) + ".dll");
        if (!File.Exists(assemblyPath))
        {
            throw new StartupConfigurationException(
                $"Module '{name}' is enabled in configuration (Modules:{name}:Enabled) but has no staged binaries: " +
                $"{assemblyPath} does not exist. Build the solution to stage it, or set Modules:{name}:Enabled=false.");
        }

        var assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(assemblyPath);
        var moduleTypes = assembly.GetExportedTypes()
            .Where(t => typeof(IModule).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
            .ToList();
        if (moduleTypes.Count != 1)
        {
            throw new StartupConfigurationException(
                $"Module '{name}': {assemblyPath} must have exactly one public IModule implementation; it has {moduleTypes.Count}.");
        }

        var module = (IModule)Activator.CreateInstance(moduleTypes[0])!;
        var contractsPath = Path.Combine(moduleFolder, ModuleNames.ContractsAssembly(name) + ".dll");
        var contracts = File.Exists(contractsPath) ? AssemblyLoadContext.Default.LoadFromAssemblyPath(contractsPath) : null;
        return new LoadedModule(module, assembly, contracts, moduleFolder);
    }

    private static void RejectDuplicateNames(IReadOnlyList<LoadedModule> loaded)
    {
        var duplicate = loaded.GroupBy(m => m.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new StartupConfigurationException(
                $"Two modules share the name '{duplicate.Key}': " +
                string.Join(" and ", duplicate.Select(m => $"{m.Assembly.GetName().Name} (from {m.Folder})")) +
                ". Module names must be unique.");
        }

        var misnamed = loaded.FirstOrDefault(m =>
            !string.Equals(Path.GetFileName(m.Folder), m.Name, StringComparison.OrdinalIgnoreCase));
        if (misnamed is not null)
        {
            throw new StartupConfigurationException(
                $"Module '{Path.GetFileName(misnamed.Folder)}' calls itself '{misnamed.Name}': its folder, assembly and configuration key must carry its name.");
        }
    }

    private static void RejectMissingRequirements(
        IReadOnlyList<LoadedModule> loaded, HashSet<string> enabledNames, IReadOnlyList<(string Name, bool Enabled)> configured)
    {
        foreach (var module in loaded)
        {
            foreach (var required in module.Module.Requires)
            {
                if (enabledNames.Contains(required))
                {
                    continue;
                }

                var isConfigured = configured.Any(m => string.Equals(m.Name, required, StringComparison.OrdinalIgnoreCase));
                throw new StartupConfigurationException(isConfigured
                    ? $"Module '{module.Name}' requires module '{required}', which is disabled (Modules:{required}:Enabled=false). Enable '{required}' or disable '{module.Name}'."
                    : $"Module '{module.Name}' requires module '{required}', which is not configured. Add Modules:{required}:Enabled=true or disable '{module.Name}'.");
            }
        }
    }

    private static void ReportUnconfiguredFolders(string folder, IEnumerable<string> configuredNames, ILogger logger)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        var names = configuredNames.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var staged in Directory.EnumerateDirectories(folder).Select(Path.GetFileName).Where(n => n is not null && !names.Contains(n)))
        {
            logger.LogInformation("Module folder {Folder} is staged but not named in configuration; it is not loaded", staged);
        }
    }

    /// <summary>
    /// The default context never looks in a module's folder, so a module's own Contracts and packages
    /// (and another module's Contracts) are resolved here, from every staged folder, enabled or not.
    /// </summary>
    private static void HookResolver(string folder)
    {
        lock (ResolverLock)
        {
            ProbedFolders.Add(folder);
            if (_resolverHooked)
            {
                return;
            }

            _resolverHooked = true;
            AssemblyLoadContext.Default.Resolving += ResolveFromModuleFolders;
        }
    }

    private static Assembly? ResolveFromModuleFolders(AssemblyLoadContext context, AssemblyName name)
    {
        string[] folders;
        lock (ResolverLock)
        {
            folders = ProbedFolders.ToArray();
        }

        foreach (var root in folders.Where(Directory.Exists))
        {
            foreach (var moduleFolder in Directory.EnumerateDirectories(root))
            {
                var candidate = Path.Combine(moduleFolder, name.Name + ".dll");
                if (File.Exists(candidate))
                {
                    return context.LoadFromAssemblyPath(candidate);
                }
            }
        }

        return null;
    }
}
