using Autofac;
using Autofac.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using PracticeSuite.Platform.Composition;
using PracticeSuite.Platform.Jobs;
using PracticeSuite.Platform.Messaging;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.Platform.Clinic;
using PracticeSuite.Platform.Email;
using PracticeSuite.Platform.Modules;
using PracticeSuite.Platform.Persistence;
using PracticeSuite.Platform.Security;
using PracticeSuite.Platform.Web;
using PracticeSuite.SharedKernel.Hosting.Diagnostics;
using PracticeSuite.SharedKernel.Hosting.Modules;
using PracticeSuite.SharedKernel.Hosting.Persistence;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Time;
using Hangfire;
using Scalar.AspNetCore;

namespace PracticeSuite.Platform;

/// <summary>
/// What the host calls to put the platform in place: its services, its share of the container, the checks and
/// migrations before the first request, and the web pipeline around the modules' pages and endpoints.
/// </summary>
public static class PracticePlatform
{
    public const string AntiforgeryCookieName = "PracticeSuite.Antiforgery";
    public const string ApiDocumentName = "v1";

    /// <summary>The platform's services: web, security, messaging, jobs, backups, accounts and e-mail.</summary>
    public static void AddPracticePlatform(this IServiceCollection services, IConfiguration configuration)
    {
        AddWeb(services);
        services.AddPracticeSecurity();
        services.AddPracticeMessaging();
        services.AddPracticeJobs();
        services.AddOptions<BackupOptions>().BindConfiguration("Backup")
            .Validate(o => o.Keep >= 1, "Backup:Keep must be at least 1 (or set Backup:Enabled to false).")
            .Validate<PracticeDatabase>((o, database) => !File.Exists(o.EffectiveFolder(database)), "Backup:Folder names a file; it must be a folder.")
            .ValidateOnStart();
        services.AddPracticeAccounts(configuration);
    }

    /// <summary>
    /// The platform's share of the container: the database, the clock and the clinic's calendar, the messaging engine
    /// over the modules' handlers, and the platform's own tables. Called before the modules register.
    /// </summary>
    public static void RegisterPracticePlatform(this ContainerBuilder container, IConfiguration configuration, IHostEnvironment environment, IReadOnlyList<LoadedModule> modules)
    {
        PrivateFiles.ForThisProcess(); // before the data folder, its database, keys and mail are created
        container.RegisterInstance(new ModuleCatalog(modules)).AsSelf().As<IModuleCatalog>();
        PracticeDatabase database;
        try
        {
            database = PracticeDatabase.FromConfiguration(configuration, environment.ContentRootPath);
        }
        catch (InvalidOperationException exception)
        {
            throw new StartupConfigurationException(exception.Message); // a bad Database:Provider, or no connection string
        }

        if (File.Exists(database.DataDirectory))
        {
            throw new StartupConfigurationException($"Storage:DataDirectory is {database.DataDirectory}, which is a file; it must be a folder.");
        }

        container.RegisterInstance(database);
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            container.RegisterInstance(DataFolderLock.Acquire(database.DataDirectory)); // released when the container is disposed
        }
        // A default that a registration made through IServiceCollection (a test's FakeTimeProvider) takes precedence over.
        container.RegisterInstance(TimeProvider.System).As<TimeProvider>().PreserveExistingDefaults();
        var clinicZone = ClinicTimeZone(configuration);
        container.Register(c => new ClinicCalendar(c.Resolve<TimeProvider>(), clinicZone)).AsSelf().SingleInstance();
        container.RegisterMessaging(modules.Select(m => m.Assembly).Append(typeof(PracticePlatform).Assembly));
        container.RegisterMessagingEngine();
        new ModuleRegistration(PlatformDbContext.Name, container, configuration).AddDbContext<PlatformDbContext>();
    }

    /// <summary><c>Clinic:TimeZone</c>, an IANA id: when the clinic's day ends and which local time its pages show.</summary>
    private static TimeZoneInfo ClinicTimeZone(IConfiguration configuration)
    {
        var id = configuration["Clinic:TimeZone"] is { Length: > 0 } configured ? configured : ClinicCalendar.DefaultTimeZoneId;
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? zone
            : throw new StartupConfigurationException($"Clinic:TimeZone is '{id}', which is not a known time zone; use an IANA id such as {ClinicCalendar.DefaultTimeZoneId}.");
    }

    /// <summary>Checks the composed module set and brings the database up to date. Stops start-up on a problem.</summary>
    public static async Task PrepareAsync(WebApplication app, CancellationToken cancellationToken)
    {
        var root = app.Services.GetRequiredService<ILifetimeScope>();
        var catalog = root.Resolve<ModuleCatalog>();
        HandlerCoverage.Verify(root, catalog.Modules);
        root.Resolve<IntegrationEventCatalog>(); // refuses two events under one name
        await ModuleMigrator.MigrateAsync(root, catalog, app.Logger, cancellationToken);
        await AccountsComposition.MigrateAsync(app.Services, app.Logger, cancellationToken);
        ScheduleJobs(root, catalog, app.Logger);
    }

    /// <summary>
    /// Checks every option registered with <c>ValidateOnStart</c> before anything uses one (the host would only check
    /// them when it starts, after the pipeline is mapped and the migrations ran). A value that does not convert (<c>--Jobs:WorkerCount=two</c>) stops
    /// start-up with the binder's own message, which names the key and the type.
    /// </summary>
    public static void ValidateOptions(IServiceProvider services)
    {
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (InvalidOperationException exception) when (exception.InnerException is FormatException or OverflowException or ArgumentException)
        {
            throw new StartupConfigurationException(exception.Message);
        }
        catch (Exception exception) when (exception is OptionsValidationException or AggregateException)
        {
            var failures = (exception is AggregateException all ? all.InnerExceptions : [exception])
                .SelectMany(e => e is OptionsValidationException invalid ? invalid.Failures : [e.Message])
                .ToList();
            throw new StartupConfigurationException(string.Join(" ", failures), failures);
        }
    }

    private static void ScheduleJobs(ILifetimeScope root, ModuleCatalog catalog, ILogger logger)
    {
        var declared = new List<DeclaredJob>
        {
            MessagingComposition.SweepJob(root.Resolve<IOptions<MessagingOptions>>().Value.SweepInterval),
            MessagingComposition.PurgeJob(),
        };
        var email = root.Resolve<IOptions<EmailOptions>>().Value;
        if (email.BackgroundDelivery)
        {
            declared.Add(EmailWakeUp.RecurringJob(email.DeliveryInterval));
        }

        var backup = root.Resolve<IOptions<BackupOptions>>().Value;
        if (root.Resolve<PracticeDatabase>().Provider == DatabaseProvider.Sqlite && backup.Enabled)
        {
            declared.Add(BackUpEmbeddedDatabaseHandler.RecurringJob(backup));
        }

        foreach (var module in catalog.Modules)
        {
            var jobs = new JobDeclarations(module.Name);
            module.Module.DeclareJobs(jobs);
            declared.AddRange(jobs.Jobs);
        }

        // Created here, not by the container, so that a storage that cannot be prepared stops start-up with its own message.
        var storage = root.Resolve<PracticeJobStorage>().Storage;
        JobsComposition.Synchronise(storage, root.Resolve<IRecurringJobManager>(), declared, root.Resolve<ClinicCalendar>().TimeZone, logger);
    }

    private static void AddWeb(IServiceCollection services)
    {
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.AddServerHeader = false); // says nothing of the stack
        NetworkOptions.Add(services);
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        // Before AddRazorPages, so that it runs before ASP.NET Core's own antiforgery setup: a named cookie spares that
        // setup hashing the application name with SHA-256, which would load OpenSSL at start-up (ADR 0010).
        services.Configure<AntiforgeryOptions>(o =>
        {
            o.Cookie.Name = AntiforgeryCookieName;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddRazorPages().AddMvcOptions(o =>
        {
            o.Filters.Add(new ValidationPageFilter());
            // Requests are validated by their validators, with their messages, not by MVC's implicit rules.
            o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            o.ModelMetadataDetailsProviders.Add(new PlainBindingMessages());
        }).AddViewOptions(o =>
            // No client-side validation script runs (the server validates every post); without it MVC also leaves out
            // the validation summary's hidden <li style="display:none">, an inline style the security policy refuses.
            o.HtmlHelperOptions.ClientValidationEnabled = false);

        // Problems quote the request's W3C trace id, which every log line of the request carries too.
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["traceId"] = TraceContext.TraceId ?? context.HttpContext.TraceIdentifier);
        services.Configure<LoggerFactoryOptions>(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId);
        services.AddExceptionHandler<ApiExceptionHandler>();
        // A body or parameter that does not bind reaches ApiExceptionHandler, which says what did not read, instead of
        // a bare 400 (ASP.NET Core throws for it only in Development by default).
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddOpenApi(ApiDocumentName, o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "PracticeSuite API";
            document.Info.Version = "v1";
            return Task.CompletedTask;
        }));

        // Plain HTTP works locally; every cookie is marked secure as soon as the request is HTTPS.
        services.Configure<CookiePolicyOptions>(o =>
        {
            o.Secure = CookieSecurePolicy.SameAsRequest;
            o.HttpOnly = HttpOnlyPolicy.Always;
            o.MinimumSameSitePolicy = SameSiteMode.Lax;
        });

        // Keys that protect cookies and antiforgery tokens survive restarts, kept in the data directory.
        services.AddDataProtection().SetApplicationName("PracticeSuite");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(options =>
            options.XmlRepository = new FileSystemXmlRepository(
                new DirectoryInfo(Path.Combine(provider.GetRequiredService<PracticeDatabase>().DataDirectory, "keys")),
                provider.GetRequiredService<ILoggerFactory>())));
    }

    /// <summary>The web pipeline: errors, cookies, static files, sign-in, the dashboard, health, the API document, pages, endpoints.</summary>
    public static void UsePracticePlatform(this WebApplication app, ModuleCatalog catalog)
    {
        // Forwarded headers only from Network:KnownProxies; with none configured the middleware is left out, since with
        // empty lists ASP.NET Core would believe any sender.
        if (app.Services.GetRequiredService<IOptions<NetworkOptions>>().Value.KnownProxies.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        app.UseSecurityHeaders(); // first of the rest, so that errors and static files carry them too
        if (!app.Environment.IsDevelopment())
        {
            // With an https address configured, plain HTTP is redirected there and browsers are told to stay on HTTPS;
            // /health stays answerable over HTTP for load balancers. Without one, both do nothing.
            app.UseHsts();
            app.UseWhen(context => !context.Request.Path.StartsWithSegments("/health"), https => https.UseHttpsRedirection());
        }

        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/Error",
            // Rejected input is answered, not an error: only unexpected failures are logged as such (by the handler).
            SuppressDiagnosticsCallback = context => context.ExceptionHandledBy == ExceptionHandledType.ExceptionHandlerService,
        });
        app.UseWhen(context => WebPaths.IsApi(context.Request), api => api.UseStatusCodePages().UseApiBodyLimit());
        app.UseWhen(context => !WebPaths.IsApi(context.Request), pages => pages.UseStatusCodePagesWithReExecute("/Status/{0}"));
        app.UseCookiePolicy();
        app.UseStaticFiles();
        foreach (var module in catalog.Modules)
        {
            var webRoot = Path.Combine(module.Folder, "wwwroot");
            if (Directory.Exists(webRoot))
            {
                app.UseStaticFiles(new StaticFileOptions
                {
                    FileProvider = new PhysicalFileProvider(webRoot),
                    RequestPath = $"/_modules/{module.Name.ToLowerInvariant()}",
                });
            }
        }

        app.UseRouting();
        app.UseAuthentication();
        app.UseTwoStepRequirement(); // a manager the clinic requires it of sets up two-step sign-in before anything else
        app.UseAuthorization();
        app.UsePracticeAccounts();
        app.UseAntiforgery();
        app.UseCrossSiteRequestChecks();
        // Hangfire's own dashboard, for managers: a visitor is sent to sign in, and its actions check the antiforgery token.
        app.MapHangfireDashboardWithAuthorizationPolicy(Policies.Manager, JobsComposition.DashboardPath, new DashboardOptions
        {
            Authorization = [],
            DisplayStorageConnectionString = false,
            DashboardTitle = "PracticeSuite background jobs",
            AppPath = "/",
        }, app.Services.GetRequiredService<JobStorage>());
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
        // Public like the pages that show it (the sign-in page too), and a file of its own: the pages' policy allows no inline images.
        app.MapGet(ClinicLogo.Path, ClinicLogoEndpoint.ServeAsync).AllowAnonymous().WithMetadata(new PublicFile()).ExcludeFromDescription();
        // The API's description and Scalar's browser for it are for the clinic's staff outside Development (a map of
        // every operation helps an attacker more than a client); open while developing. Scalar serves its page and
        // script from the package; without its default fonts and telemetry it loads nothing from elsewhere.
        var document = app.MapOpenApi("/openapi/{documentName}.json");
        var browser = app.MapScalarApiReference("/openapi", o => o
            .WithTitle("PracticeSuite API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .AddDocument(ApiDocumentName)
            .DisableDefaultFonts()
            .DisableTelemetry());
        if (app.Environment.IsDevelopment())
        {
            document.AllowAnonymous();
            browser.AllowAnonymous();
        }
        else
        {
            document.RequireAuthorization(Policies.Staff);
            browser.RequireAuthorization(Policies.Staff);
        }

        app.MapRazorPages();
        foreach (var module in catalog.Modules)
        {
            // Any module endpoint may answer with these problems (ApiExceptionHandler and the status-code pages write
            // them), so the API document lists them for each.
            var api = app.MapGroup($"/api/{module.Name.ToLowerInvariant()}").WithTags(module.Name)
                .ProducesValidationProblem()
                .ProducesProblem(StatusCodes.Status401Unauthorized)
                .ProducesProblem(StatusCodes.Status403Forbidden)
                .ProducesProblem(StatusCodes.Status404NotFound)
                .ProducesProblem(StatusCodes.Status409Conflict)
                .ProducesProblem(StatusCodes.Status500InternalServerError);
            module.Module.MapEndpoints(api);
        }
    }
}
