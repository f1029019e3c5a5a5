using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PracticeSuite.Platform.Modules;
using PracticeSuite.SharedKernel.Identity;
using PracticeSuite.Testing;
using Xunit;

namespace PracticeSuite.Platform.Tests;

/// <summary>
/// A module may query a module it only <c>Uses</c> after asking the module catalogue; with that collaborator off, its
/// pages render without that part. Test module Gamma uses Alpha.
/// </summary>
public sealed class OptionalCollaboratorTests
{
    private static readonly HtmlParser Html = new();

    [Fact]
    public async Task A_page_shows_its_collaborators_part_only_while_that_module_is_enabled()
    {
        await using (var withAlpha = await StartAsync(disabled: null))
        {
            var page = await Html.ParseDocumentAsync(await withAlpha.Factory.CreateClient().GetStringAsync("/Gamma", TestContext.Current.CancellationToken));
            Assert.Equal("Alpha has recorded 0 visit(s).", page.QuerySelector("#alpha-visits")?.TextContent.Trim());
        }

        await using var withoutAlpha = await StartAsync(disabled: "Alpha");
        var response = await withoutAlpha.Factory.CreateClient().GetAsync("/Gamma", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var without = await Html.ParseDocumentAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Gamma has handled 0 visit event(s).", without.QuerySelector("#receipts")?.TextContent.Trim());
        Assert.Null(without.QuerySelector("#alpha-visits"));
    }

    [Fact]
    public async Task Every_page_loads_with_each_optional_collaborator_disabled_in_turn()
    {
        IReadOnlyList<(string Module, string Collaborator)> pairs;
        Dictionary<string, IReadOnlyCollection<string>> requires;
        await using (var all = await StartAsync(disabled: null))
        {
            var modules = all.Factory.Services.GetRequiredService<ModuleCatalog>().Modules;
            pairs = modules.SelectMany(m => m.Module.Uses.Select(used => (m.Name, used))).ToList();
            requires = modules.ToDictionary(m => m.Name, m => m.Module.Requires);
        }

        Assert.NotEmpty(pairs); // the check below ran over something
        foreach (var (module, collaborator) in pairs)
        {
            // A module that requires the collaborator cannot run without it, so it goes off too (start-up would stop).
            await using var host = await StartAsync(disabled: collaborator, alsoOff: DependentsOf(collaborator, requires));
            var pages = PagePaths(host.Factory);
            Assert.Contains(pages, path => path.StartsWith("/" + module, StringComparison.OrdinalIgnoreCase));
            var manager = host.Factory.CreateClient().As(PracticeRole.Manager, "user-manager");
            foreach (var path in pages.Where(p => p != "/Error")) // the error page answers 500 on purpose
            {
                var response = await manager.GetAsync(path, TestContext.Current.CancellationToken);
                Assert.True((int)response.StatusCode < 500,
                    $"with {collaborator} off (used by {module}), {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
            }
        }
    }

    /// <summary>Every page route without parameters, from the host's own endpoint table.</summary>
    private static List<string> PagePaths(ModuleFactory factory) =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Where(e => e.RoutePattern.Parameters.Count == 0)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();

    /// <summary>The modules that require <paramref name="module"/>, directly or through another.</summary>
    private static IReadOnlyList<string> DependentsOf(string module, IReadOnlyDictionary<string, IReadOnlyCollection<string>> requires)
    {
        var off = new HashSet<string>(StringComparer.Ordinal) { module };
        bool grew;
        do
        {
            grew = false;
            foreach (var (name, needs) in requires)
            {
                if (!off.Contains(name) && needs.Any(off.Contains))
                {
                    grew = off.Add(name);
                }
            }
        }
        while (grew);

        off.Remove(module);
        return off.ToList();
    }

    private static async Task<RunningHost> StartAsync(string? disabled, IReadOnlyList<string>? alsoOff = null)
    {
        var settings = PracticeSuiteFactory.TestModules.Concat([new("Modules:Clients:Enabled", "true")])
            .ToDictionary(s => s.Key, s => s.Value);
        foreach (var off in (alsoOff ?? []).Prepend(disabled).OfType<string>())
        {
            settings[$"Modules:{off}:Enabled"] = "false";
        }

        var database = await TestDatabase.CreateAsync();
        var factory = new ModuleFactory(database, settings);
        _ = factory.Server;
        return new RunningHost(database, factory);
    }

    private sealed record RunningHost(TestDatabase Database, ModuleFactory Factory) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Factory.DisposeAsync();
            await Database.DisposeAsync();
        }
    }
}
