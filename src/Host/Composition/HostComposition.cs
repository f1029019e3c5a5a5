using Autofac;
using Autofac.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using PracticeSuite.Platform;
using PracticeSuite.Platform.Modules;
using PracticeSuite.SharedKernel.Hosting.Modules;

namespace PracticeSuite.Host;

/// <summary>Builds the web application: loads the modules, composes the container, maps the pipeline.</summary>
public static class HostComposition
{
    public static WebApplication Build(string[] args)
    {
        // The slim builder leaves out what a Linux server of a clinic does not use (IIS integration, HTTP/3 over QUIC,
        // hosting startup assemblies) and would otherwise load at every start; HTTPS endpoints in configuration
        // (Kestrel:Endpoints, an https:// URL) keep working through the HTTPS configuration added back here.
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.WebHost.UseKestrelHttpsConfiguration();

        // Modules and the database are read while the host is built, not here: only then does the
        // configuration hold every source (tests add theirs at that point).
        builder.Host.UseServiceProviderFactory(new AutofacServiceProviderFactory());
        builder.Host.ConfigureContainer<ContainerBuilder>(container => ComposeModules(container, builder.Configuration, builder.Environment));
        builder.Services.AddPracticePlatform(builder.Configuration);

        var app = builder.Build();
        PracticePlatform.ValidateOptions(app.Services);
        var catalog = app.Services.GetRequiredService<ModuleCatalog>();
        AddApplicationParts(app.Services.GetRequiredService<ApplicationPartManager>(), catalog);
        app.UsePracticePlatform(catalog);
        return app;
    }

    /// <summary>Checks the composed module set and brings the database up to date. Stops start-up on a problem.</summary>
    public static Task PrepareAsync(WebApplication app, CancellationToken cancellationToken) =>
        PracticePlatform.PrepareAsync(app, cancellationToken);

    private static void ComposeModules(ContainerBuilder container, IConfiguration configuration, IHostEnvironment environment)
    {
        using var startupLoggers = LoggerFactory.Create(logging => logging
            .AddConfiguration(configuration.GetSection("Logging"))
            .AddSimpleConsole(o => o.SingleLine = true));
        var modules = ModuleLoader.Load(configuration, startupLoggers.CreateLogger("PracticeSuite.Startup"));

        container.RegisterPracticePlatform(configuration, environment, modules);
        foreach (var module in modules)
        {
            var registration = new ModuleRegistration(module.Name, container, configuration);
            module.Module.Register(registration);
            module.DbContextTypes = registration.DbContextTypes;
        }
    }

    private static void AddApplicationParts(ApplicationPartManager parts, ModuleCatalog catalog)
    {
        // The factory yields the compiled Razor part too; a bare AssemblyPart would hide the pages.
        foreach (var assembly in catalog.Modules.Select(m => m.Assembly).Prepend(typeof(PracticePlatform).Assembly))
        {
            if (parts.ApplicationParts.OfType<AssemblyPart>().Any(p => p.Assembly == assembly))
            {
                continue; // the platform's, when ASP.NET Core found it among the host's references
            }

            foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
            {
                parts.ApplicationParts.Add(part);
            }
        }
    }
}
