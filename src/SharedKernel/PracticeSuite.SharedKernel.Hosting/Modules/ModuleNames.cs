using System.Reflection;

namespace PracticeSuite.SharedKernel.Hosting.Modules;

/// <summary>The naming convention that ties a module's assemblies to its name.</summary>
public static class ModuleNames
{
    public const string AssemblyPrefix = "PracticeSuite.Modules.";
    public const string ContractsSuffix = ".Contracts";

    public static string ModuleAssembly(string moduleName) => AssemblyPrefix + moduleName;

    public static string ContractsAssembly(string moduleName) => AssemblyPrefix + moduleName + ContractsSuffix;

    /// <summary>The module an assembly belongs to (its module or Contracts assembly), or null for any other assembly.</summary>
    public static string? ModuleOf(Assembly assembly)
    {
        var name = assembly.GetName().Name;
        if (name is null || !name.StartsWith(AssemblyPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = name[AssemblyPrefix.Length..];
        return rest.EndsWith(ContractsSuffix, StringComparison.Ordinal) ? rest[..^ContractsSuffix.Length] : rest;
    }
}
