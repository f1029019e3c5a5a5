using System.Reflection;
using System.Xml.Linq;
using MediatR;
using NetArchTest.Rules;
using PracticeSuite.SharedKernel.Hosting.Modules;
using Xunit;

namespace PracticeSuite.Platform.Tests;

/// <summary>The module rules a compiler does not enforce.</summary>
/// <remarks>The host fixture loads the modules, so their dependencies resolve as they do in the host.</remarks>
public sealed class ArchitectureTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static readonly string RepoRoot = FindRepoRoot();
    private static readonly string ModulesFolder = Path.Combine(AppContext.BaseDirectory, "modules");

    private static readonly string[] PureSharedKernel = ["PracticeSuite.SharedKernel"];
    private static readonly string[] ForbiddenInContracts =
        ["PracticeSuite.SharedKernel.Hosting", "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Autofac", "Hangfire", "Npgsql", "Microsoft.Data.Sqlite"];

    [Fact]
    public void The_host_references_no_module()
    {
        var references = typeof(Program).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.Contains("PracticeSuite.SharedKernel.Hosting", references);
        Assert.DoesNotContain(references, name => name.StartsWith(ModuleNames.AssemblyPrefix, StringComparison.Ordinal));

        var deps = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "PracticeSuite.Host.deps.json"));
        Assert.DoesNotContain(ModuleNames.AssemblyPrefix, deps);
        Assert.DoesNotContain("Quartz", deps); // jobs run on Hangfire only (ADR 0004)

        var hostProject = XDocument.Load(Path.Combine(RepoRoot, "src/Host/PracticeSuite.Host.csproj"));
        Assert.DoesNotContain(hostProject.Descendants("ProjectReference"), r => ((string?)r.Attribute("Include") ?? "").Contains("Modules", StringComparison.Ordinal));
    }

    [Fact]
    public void The_host_composes_the_shared_kernel_and_the_platform_only()
    {
        var practiceSuiteReferences = typeof(Program).Assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => name.StartsWith("PracticeSuite.", StringComparison.Ordinal))
            .ToList();
        Assert.Contains("PracticeSuite.Platform", practiceSuiteReferences);
        Assert.All(practiceSuiteReferences, name => Assert.Contains(name, new[] { "PracticeSuite.Platform", "PracticeSuite.SharedKernel", "PracticeSuite.SharedKernel.Hosting" }));

        // Program, module loading and composition: the platform's services, pages and tables live in its library.
        var lines = Directory.EnumerateFiles(Path.Combine(RepoRoot, "src/Host"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) &&
                           !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Sum(path => File.ReadLines(path).Count());
        Assert.InRange(lines, 1, 999);
    }

    [Fact]
    public void The_platform_library_shows_only_the_surface_its_adr_lists()
    {
        // ADR 0014: what the host calls, and the types those calls take. Everything else is internal.
        var exported = typeof(PracticeSuite.Platform.PracticePlatform).Assembly.GetExportedTypes()
            .Select(t => t.FullName!)
            .Order(StringComparer.Ordinal);
        Assert.Equal(
            [
                "PracticeSuite.Platform.Modules.LoadedModule",
                "PracticeSuite.Platform.Modules.ModuleCatalog",
                "PracticeSuite.Platform.Modules.StartupConfigurationException",
                "PracticeSuite.Platform.Persistence.BackupCommandLine",
                "PracticeSuite.Platform.PracticePlatform",
            ],
            exported);
    }

    [Fact]
    public void Staged_modules_reference_only_the_shared_kernel_and_other_modules_contracts()
    {
        var modules = StagedModuleAssemblies().ToList();
        Assert.NotEmpty(modules);
        foreach (var (name, path) in modules)
        {
            var own = ModuleNames.ContractsAssembly(name);
            foreach (var reference in ReferencesOf(path))
            {
                if (!reference.StartsWith("PracticeSuite.", StringComparison.Ordinal))
                {
                    continue;
                }

                var allowed = reference is "PracticeSuite.SharedKernel" or "PracticeSuite.SharedKernel.Hosting" ||
                              reference == own ||
                              (reference.StartsWith(ModuleNames.AssemblyPrefix, StringComparison.Ordinal) && reference.EndsWith(ModuleNames.ContractsSuffix, StringComparison.Ordinal));
                Assert.True(allowed, $"Module {name} references {reference}: a module may reference only SharedKernel and other modules' Contracts.");
            }
        }
    }

    [Fact]
    public void Module_projects_reference_only_the_shared_kernel_and_contracts()
    {
        foreach (var project in ModuleProjects())
        {
            var document = XDocument.Load(project);
            foreach (var include in document.Descendants("ProjectReference").Select(r => (string?)r.Attribute("Include") ?? ""))
            {
                var referenced = Path.GetFileNameWithoutExtension(include.Replace('\\', '/'));
                var allowed = referenced.StartsWith("PracticeSuite.SharedKernel", StringComparison.Ordinal) ||
                              referenced.EndsWith(ModuleNames.ContractsSuffix, StringComparison.Ordinal);
                Assert.True(allowed, $"{Path.GetFileName(project)} references {referenced}.");
            }
        }
    }

    [Fact]
    public void Contracts_reference_only_the_pure_shared_kernel()
    {
        var contracts = Directory.EnumerateFiles(ModulesFolder, "PracticeSuite.Modules.*.Contracts.dll", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(contracts);
        foreach (var path in contracts)
        {
            foreach (var reference in ReferencesOf(path))
            {
                Assert.False(
                    ForbiddenInContracts.Any(f => reference == f || reference.StartsWith(f + ".", StringComparison.Ordinal)),
                    $"{Path.GetFileName(path)} references {reference}; Contracts may use only {string.Join(", ", PureSharedKernel)} and plain .NET.");
                Assert.False(
                    reference.StartsWith(ModuleNames.AssemblyPrefix, StringComparison.Ordinal),
                    $"{Path.GetFileName(path)} references module assembly {reference}.");
            }
        }
    }

    [Fact]
    public void Staged_module_folders_carry_no_second_copy_of_a_shared_assembly()
    {
        var hostAssemblies = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll").Select(Path.GetFileName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var frameworkAssemblies = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(Path.GetFileName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var folder in Directory.EnumerateDirectories(ModulesFolder))
        {
            foreach (var dll in Directory.EnumerateFiles(folder, "*.dll").Select(Path.GetFileName))
            {
                Assert.False(hostAssemblies.Contains(dll!) || frameworkAssemblies.Contains(dll!), $"{folder} carries {dll}, which the host already has.");
                Assert.False(seen.TryGetValue(dll!, out var other), $"{dll} is staged twice: in {other} and {folder}.");
                seen[dll!] = folder;
            }
        }

        Assert.Contains(ModuleNames.ContractsAssembly("Beta") + ".dll", seen.Keys);
    }

    [Fact]
    public void Domain_types_use_no_application_infrastructure_ef_or_aspnet_type_even_inside_a_method()
    {
        Assert.NotNull(host.Factory.Server);
        var inspected = 0;
        foreach (var (name, path) in StagedModuleAssemblies())
        {
            var assembly = System.Runtime.Loader.AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
            var domain = Types.InAssembly(assembly).That().ResideInNamespaceContaining(".Domain");
            inspected += domain.GetTypes().Count();
            // NetArchTest reads the IL, so a method body that reaches for the DbContext fails as a signature would.
            var result = domain.ShouldNot().HaveDependencyOnAny(
                "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore",
                $"{ModuleNames.ModuleAssembly(name)}.Application", $"{ModuleNames.ModuleAssembly(name)}.Infrastructure",
                $"{ModuleNames.ModuleAssembly(name)}.Pages").GetResult();
            Assert.True(result.IsSuccessful, $"Domain types of {name} use infrastructure: {string.Join(", ", result.FailingTypes?.Select(t => t.FullName) ?? [])}");
        }

        Assert.True(inspected > 0, "no module has a Domain namespace to inspect");
    }

    [Fact]
    public void No_module_reads_the_system_clock_directly()
    {
        // Time comes from the host's TimeProvider (or ClinicCalendar), which tests replace; the system clock cannot be.
        string[] forbidden = ["System.DateTime::get_Now", "System.DateTime::get_UtcNow", "System.DateTimeOffset::get_Now", "System.DateTimeOffset::get_UtcNow"];
        var methods = 0;
        foreach (var (name, path) in StagedModuleAssemblies())
        {
            using var module = Mono.Cecil.ModuleDefinition.ReadModule(path);
            foreach (var method in module.GetTypes().SelectMany(t => t.Methods).Where(m => m.HasBody))
            {
                methods++;
                foreach (var instruction in method.Body.Instructions)
                {
                    if (instruction.Operand is Mono.Cecil.MethodReference called &&
                        forbidden.Any(f => called.FullName.Contains(f, StringComparison.Ordinal)))
                    {
                        Assert.Fail($"{name}: {method.FullName} reads {called.FullName}; use TimeProvider or ClinicCalendar.");
                    }
                }
            }
        }

        Assert.True(methods > 100, $"only {methods} method bodies inspected");
    }

    [Fact]
    public void No_handler_or_page_model_writes_the_audit_trail_or_checks_record_access_itself()
    {
        // Both are the pipeline's (AuditBehavior, AccessCheckBehavior); a handler doing either would double or bypass them.
        Assert.NotNull(host.Factory.Server);
        static bool Forbidden(Mono.Cecil.MethodReference called) =>
            called.DeclaringType.FullName is "PracticeSuite.SharedKernel.Hosting.Platform.IAuditTrail"
            || called.DeclaringType.FullName.StartsWith("PracticeSuite.SharedKernel.Hosting.Behaviours.IRequestAccessCheck", StringComparison.Ordinal)
            || called.Name == "EnsureVisibleAsync";

        var (handlers, pages) = (0, 0);
        foreach (var (name, path) in StagedModuleAssemblies())
        {
            var assembly = System.Runtime.Loader.AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
            var inspected = assembly.GetTypes().Where(t => !t.IsAbstract).Select(t => (Type: t,
                    Handler: t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>)),
                    Page: typeof(Microsoft.AspNetCore.Mvc.RazorPages.PageModel).IsAssignableFrom(t)))
                .Where(t => t.Handler || t.Page).ToList();
            handlers += inspected.Count(t => t.Handler);
            pages += inspected.Count(t => t.Page);

            using var module = Mono.Cecil.ModuleDefinition.ReadModule(path);
            var cecilTypes = module.GetTypes().ToDictionary(t => t.FullName.Replace('/', '+'));
            foreach (var (type, _, _) in inspected)
            {
                // An async method's body lives in a nested state machine, so nested types count as the type's own.
                var definition = cecilTypes[type.FullName!];
                var bodies = definition.Methods.Concat(definition.NestedTypes.SelectMany(n => n.Methods)).Where(m => m.HasBody);
                var offence = bodies.SelectMany(m => m.Body.Instructions.Select(i => (Method: m, Called: i.Operand as Mono.Cecil.MethodReference)))
                    .FirstOrDefault(c => c.Called is not null && Forbidden(c.Called));
                Assert.True(offence.Called is null, $"{name}: {type.FullName} calls {offence.Called?.FullName}; declare it on the request (IAuditedRequest, IClientRecordRequest).");
            }
        }

        Assert.True(handlers > 20 && pages > 10, $"only {handlers} handlers and {pages} page models inspected");
    }

    [Fact]
    public void A_product_modules_public_surface_is_its_module_class_and_its_page_models()
    {
        // Internal by default (ADR 0016): handlers, requests, validators, the DbContext, migrations, domain and
        // infrastructure types are the module's own. Public are the one IModule the loader looks for, the page models
        // Razor Pages activates, and the input and view models nested in them that the pages bind. Test modules are
        // fixtures for the loader, some deliberately malformed, so only the product's modules (src/Modules) are held to it.
        Assert.NotNull(host.Factory.Server);
        var pageModel = typeof(Microsoft.AspNetCore.Mvc.RazorPages.PageModel);
        var (modules, publicTypes) = (0, 0);
        foreach (var (name, path) in StagedModuleAssemblies().Where(m => Directory.Exists(Path.Combine(RepoRoot, "src", "Modules", m.Name))))
        {
            var assembly = System.Runtime.Loader.AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
            var exported = assembly.GetExportedTypes();
            modules++;
            publicTypes += exported.Length;
            Assert.Single(exported, t => typeof(IModule).IsAssignableFrom(t));
            static bool InPageModel(Type type, Type pageModel)
            {
                for (var outer = type.DeclaringType; outer is not null; outer = outer.DeclaringType)
                {
                    if (pageModel.IsAssignableFrom(outer))
                    {
                        return true;
                    }
                }

                return false;
            }

            var extra = exported
                .Where(t => !typeof(IModule).IsAssignableFrom(t) && !pageModel.IsAssignableFrom(t) && !InPageModel(t, pageModel))
                .Select(t => t.FullName)
                .ToList();
            Assert.True(extra.Count == 0, $"{name} makes public what should be internal: {string.Join(", ", extra)}");
        }

        Assert.True(modules > 0 && publicTypes > 10, $"only {modules} product modules and {publicTypes} public types inspected");
    }

    [Fact]
    public void No_product_module_repeats_a_file_name_in_another_folder()
    {
        // One file per use case, named after it: a name found twice (Domain/Consent.cs beside Features/Consent.cs,
        // or two Index pages) says one of them is named after its folder rather than what it holds.
        var files = Directory.EnumerateDirectories(Path.Combine(RepoRoot, "src", "Modules"))
            .SelectMany(module => Directory.EnumerateFiles(module, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
                .Select(f => (Module: Path.GetFileName(module), File: Path.GetRelativePath(module, f))))
            .ToList();
        Assert.True(files.Count > 20, $"only {files.Count} source files found under src/Modules");

        var repeated = files.GroupBy(f => (f.Module, Name: Path.GetFileName(f.File)))
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key.Module}: {string.Join(" and ", g.Select(f => f.File))}")
            .ToList();
        Assert.True(repeated.Count == 0, $"file names repeated in a module: {string.Join("; ", repeated)}");
    }

    private static IEnumerable<(string Name, string Path)> StagedModuleAssemblies() =>
        Directory.EnumerateDirectories(ModulesFolder)
            .Select(folder => (Name: Path.GetFileName(folder), Path: Path.Combine(folder, ModuleNames.ModuleAssembly(Path.GetFileName(folder)) + ".dll")))
            .Where(m => File.Exists(m.Path));

    private static IEnumerable<string> ModuleProjects() =>
        new[] { "src/Modules", "tests/TestModules", "tests/ExternalModules" }
            .Select(folder => Path.Combine(RepoRoot, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.csproj", SearchOption.AllDirectories));

    private static IEnumerable<string> ReferencesOf(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
        var reader = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        return reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name)).ToList();
    }

    private static string FindRepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PracticeSuite.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("PracticeSuite.sln not found above " + AppContext.BaseDirectory);
    }
}
