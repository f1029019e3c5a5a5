using Microsoft.AspNetCore.Routing;
using PracticeSuite.SharedKernel.Hosting.Jobs;

namespace PracticeSuite.SharedKernel.Hosting.Modules;

/// <summary>
/// The one public entry point of a module assembly. The host finds it in the staged module folder,
/// lets it register its services, maps its endpoints and pages, and migrates its tables.
/// </summary>
public interface IModule
{
    /// <summary>The module's name: its configuration key (<c>Modules:&lt;Name&gt;</c>), folder, schema or table prefix and URL segment.</summary>
    string Name { get; }

    /// <summary>Modules this one sends requests to. Start-up stops when one of them is disabled or missing.</summary>
    IReadOnlyCollection<string> Requires => [];

    /// <summary>
    /// Optional collaborators: modules whose Contracts this one queries only when they are enabled, after asking
    /// <see cref="IModuleCatalog.IsEnabled"/>; its pages render without those parts when they are off.
    /// </summary>
    IReadOnlyCollection<string> Uses => [];

    /// <summary>Pages shown in the layout's navigation.</summary>
    IReadOnlyList<NavigationLink> Navigation => [];

    /// <summary>
    /// Registers the module's services. MediatR handlers and validators in the module assembly are
    /// registered by the host; use this for DbContexts and the module's own services.
    /// </summary>
    void Register(ModuleRegistration registration)
    {
    }

    /// <summary>Declares the module's recurring jobs; they are removed when the module is disabled.</summary>
    void DeclareJobs(IJobSchedule jobs)
    {
    }

    /// <summary>Maps the module's JSON API. <paramref name="api"/> is already rooted at <c>/api/&lt;name&gt;</c>.</summary>
    void MapEndpoints(IEndpointRouteBuilder api)
    {
    }
}

/// <summary>A link in the layout's navigation, to a page of the module.</summary>
/// <param name="Title">What the link says.</param>
/// <param name="Path">Where it goes, e.g. <c>/Clients</c>.</param>
/// <param name="Order">Position among all modules' links; lower comes first.</param>
/// <param name="Policy">The policy (<see cref="Platform.Policies"/>) a person must meet to see the link; null shows it to everyone.</param>
public sealed record NavigationLink(string Title, string Path, int Order = 100, string? Policy = null);
