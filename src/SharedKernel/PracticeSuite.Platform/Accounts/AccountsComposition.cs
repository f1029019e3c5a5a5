using System.Security.Claims;
using System.Threading.RateLimiting;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PracticeSuite.Platform.Audit;
using PracticeSuite.Platform.Clinic;
using PracticeSuite.Platform.Documents;
using PracticeSuite.Platform.Email;
using PracticeSuite.Platform.Persistence;
using PracticeSuite.Platform.Security;
using PracticeSuite.Platform.Therapists;
using PracticeSuite.SharedKernel.Hosting.Modules;
using PracticeSuite.SharedKernel.Hosting.Persistence;
using PracticeSuite.SharedKernel.Hosting.Platform;

namespace PracticeSuite.Platform.Accounts;

/// <summary>Accounts (Identity), e-mail, the audit trail, therapist profiles, the clinic's identity and PDFs: the platform services modules use.</summary>
internal static class AccountsComposition
{
    public const string LoginRateLimit = "login";
    public const string SessionCookieName = "PracticeSuite.Session";
    public const string ResetRateLimit = "password-reset";

    /// <summary>The host's own pages in the navigation, with who sees them.</summary>
    public static readonly IReadOnlyList<NavigationLink> Navigation =
    [
        new("Tasks", "/Tasks", 150, Policies.Staff),
        new("Clinic", "/Manage/Clinic", 795, Policies.Manager),
        new("Staff", "/Manage/Staff", 800, Policies.Manager),
        new("Audit trail", "/Manage/Audit", 820, Policies.Manager),
        new("E-mail log", "/Manage/Email", 830, Policies.Manager),
        new("Jobs", "/Operations/Jobs", 840, Policies.Manager),
    ];

    public static void AddPracticeAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccountsOptions>().BindConfiguration(AccountsOptions.Section)
            .Validate(o => o.InvitationLifetime > TimeSpan.Zero, "Accounts:InvitationLifetime must be longer than zero.")
            .Validate(o => o.PasswordResetLifetime > TimeSpan.Zero, "Accounts:PasswordResetLifetime must be longer than zero.")
            .Validate(o => o.PublicUrl is null or "" || Uri.TryCreate(o.PublicUrl, UriKind.Absolute, out var url) && url.Scheme is "https" or "http",
                "Accounts:PublicUrl must be an absolute http:// or https:// address, e.g. https://clinic.example.org.")
            // Links in e-mails are never built from a request's Host header (a forged one would carry a reset token away).
            .Validate<IHostEnvironment>((o, environment) => environment.IsDevelopment() || !string.IsNullOrWhiteSpace(o.PublicUrl),
                "Accounts:PublicUrl must be set outside Development: it is the address links in e-mails start with, e.g. https://clinic.example.org.")
            .Validate(o => o.MaxFailedAccessAttempts >= 1, "Accounts:MaxFailedAccessAttempts must be at least 1.")
            .Validate(o => o.LockoutDuration > TimeSpan.Zero, "Accounts:LockoutDuration must be longer than zero.")
            .Validate(o => o.SessionLifetime >= TimeSpan.FromMinutes(5), "Accounts:SessionLifetime must be at least five minutes.")
            .Validate(o => o.MinimumPasswordLength is >= 12 and <= 128, "Accounts:MinimumPasswordLength must be between 12 and 128.")
            .Validate(o => o.RateLimit.LoginPermits >= 1 && o.RateLimit.ResetPermits >= 1, "Accounts:RateLimit:LoginPermits and :ResetPermits must be at least 1.")
            .Validate(o => o.RateLimit.Window > TimeSpan.Zero, "Accounts:RateLimit:Window must be longer than zero.")
            .Validate(o => string.IsNullOrEmpty(o.FirstManager.Email) == string.IsNullOrEmpty(o.FirstManager.Password),
                "Accounts:FirstManager:Email and Accounts:FirstManager:Password are set together, or neither.")
            .ValidateOnStart();
        services.AddOptions<DemoOptions>().BindConfiguration("Demo").ValidateOnStart();
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section)
            .Validate(o => MimeKit.MailboxAddress.TryParse(o.From, out _), "Email:From must be an address, e.g. Clinic <no-reply@clinic.example.org>.")
            .Validate(o => o.Smtp.Port is >= 1 and <= 65535, "Email:Smtp:Port must be between 1 and 65535.")
            .Validate(o => string.IsNullOrEmpty(o.Smtp.Host) || Uri.CheckHostName(o.Smtp.Host) != UriHostNameType.Unknown,
                "Email:Smtp:Host must be a host name or an address, e.g. smtp.example.org.")
            .Validate(o => string.IsNullOrEmpty(o.Smtp.LocalDomain) || Uri.CheckHostName(o.Smtp.LocalDomain) == UriHostNameType.Dns,
                "Email:Smtp:LocalDomain must be a domain name, e.g. clinic.example.org.")
            .Validate(o => string.IsNullOrEmpty(o.Smtp.UserName) || !string.IsNullOrEmpty(o.Smtp.Password),
                "Email:Smtp:Password is needed with Email:Smtp:UserName.")
            .Validate<PracticeDatabase>((o, database) => !File.Exists(DeliverQueuedEmailsHandler.MailFolder(o, database)),
                "Email:Folder names a file; it must be a folder.")
            .Validate(o => o.Smtp.Timeout >= TimeSpan.FromSeconds(1), "Email:Smtp:Timeout must be at least a second.")
            .Validate(o => o.MaxAttempts >= 1, "Email:MaxAttempts must be at least 1.")
            .Validate(o => o.RetryDelay > TimeSpan.Zero, "Email:RetryDelay must be longer than zero.")
            .ValidateOnStart();

        services.AddSingleton(provider => provider.GetRequiredService<PracticeDatabase>().CreateOptions<AccountsDbContext>(AccountsDbContext.ModuleName));
        services.AddScoped<AccountsDbContext>();

        services.AddIdentity<PracticeUser, IdentityRole>()
            .AddEntityFrameworkStores<AccountsDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddClaimsPrincipalFactory<PracticeClaimsPrincipalFactory>();
        services.AddOptions<IdentityOptions>().Configure<IOptions<AccountsOptions>>((identity, accounts) =>
        {
            identity.User.RequireUniqueEmail = true;
            identity.SignIn.RequireConfirmedAccount = false;
            // Length and the common-password list (CommonPasswordValidator) instead of composition rules (ASVS 2.1).
            identity.Password.RequiredLength = accounts.Value.MinimumPasswordLength;
            identity.Password.RequiredUniqueChars = 4;
            identity.Password.RequireDigit = false;
            identity.Password.RequireLowercase = false;
            identity.Password.RequireUppercase = false;
            identity.Password.RequireNonAlphanumeric = false;
            identity.Lockout.AllowedForNewUsers = true;
            identity.Lockout.MaxFailedAccessAttempts = accounts.Value.MaxFailedAccessAttempts;
            identity.Lockout.DefaultLockoutTimeSpan = accounts.Value.LockoutDuration;
        });
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/Account/Login";
            cookie.LogoutPath = "/Account/Logout";
            cookie.AccessDeniedPath = "/Status/403";
            cookie.Cookie.Name = SessionCookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            SignInSessions.Attach(cookie.Events); // sign-out, password changes and the absolute lifetime end a session on the server
            cookie.Events.OnRedirectToLogin = context => SecurityComposition.Answer(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = async context =>
            {
                var user = context.HttpContext.User;
                await context.HttpContext.RequestServices.GetRequiredService<AccountAudit>().RecordAsync(
                    AccountAudit.AccessRefused, user.FindFirstValue(ClaimTypes.NameIdentifier), user.FindFirstValue(ClaimTypes.Role), context.Request.Path.Value ?? "/");
                await SecurityComposition.Answer(context, StatusCodes.Status403Forbidden);
            };
        });

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync("Too many attempts from this address. Wait a minute and try again.", cancellationToken);
            };
            limiter.AddPolicy(LoginRateLimit, context => PostsPerAddress(context, o => o.LoginPermits));
            limiter.AddPolicy(ResetRateLimit, context => PostsPerAddress(context, o => o.ResetPermits));
        });

        services.AddScoped<AccountTokenService>();
        services.AddScoped<SignInSessions>();
        services.AddScoped<AccountAudit>();
        services.AddScoped<LockoutNotice>();
        services.AddScoped<IAuditActions>(provider => provider.GetRequiredService<AccountAudit>());
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = SignInSessions.KeepSessionClaim);
        services.AddScoped<AccountService>();
        services.AddScoped<StaffAccounts>();
        services.AddScoped<TwoStepSignIn>();
        services.AddScoped<ClientMailErasure>();
        services.AddScoped<IAccounts>(provider => provider.GetRequiredService<AccountService>());
        services.AddScoped<AccountSeeding>();
        services.AddSingleton<AuditWriter>();
        services.AddScoped<IAuditTrail, AuditTrail>();
        services.AddScoped<AuditVocabulary>();
        services.AddScoped<AuditNames>();
        services.AddScoped<IAuditTimeline, AuditTimeline>();
        services.AddScoped<ITherapistAccounts, TherapistAccounts>();
        services.AddScoped<ITherapistDirectory, AccountsTherapistDirectory>(); // the Scheduling module registers its own
        services.AddSingleton<ClinicIdentityStore>();
        services.AddSingleton<IClinicIdentity>(provider => provider.GetRequiredService<ClinicIdentityStore>());
        services.AddScoped<ClinicIdentityEditor>();
        services.AddSingleton<IAuditActions, ClinicAudit>();
        services.AddScoped<Tasks.StaffTaskList>();
        services.AddSingleton<IAuditActions, Tasks.StaffTaskAudit>();
        services.AddScoped<IHomeDashboardContributor, Tasks.PlatformDashboard>();
        services.AddSingleton<IPdfDocuments, PdfDocuments>();
        services.AddSingleton<EmailWakeUp>();
        services.AddScoped<IEmailSender, QueuedEmailSender>();
        services.AddTransient<IRequestHandler<DeliverQueuedEmails, EmailDeliveryReport>, DeliverQueuedEmailsHandler>();
        services.AddHostedService<AccountsStartup>();
    }

    /// <summary>The rate limiter, after routing so the login and reset pages' limits apply.</summary>
    public static void UsePracticeAccounts(this IApplicationBuilder app) => app.UseRateLimiter();

    /// <summary>Applies the host's migrations (after the modules'), at start-up and for --migrate-only.</summary>
    public static async Task MigrateAsync(IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await ModuleMigrator.MigrateAsync(
            services.GetRequiredService<PracticeDatabase>(), AccountsDbContext.ModuleName, typeof(AccountsDbContext),
            () => scope.ServiceProvider.GetRequiredService<AccountsDbContext>(), logger, cancellationToken);
    }

    /// <summary>Only form posts count against the limit, per caller address; showing the page is free.</summary>
    private static RateLimitPartition<string> PostsPerAddress(HttpContext context, Func<AccountsOptions.RateLimitOptions, int> permits)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("read");
        }

        var options = context.RequestServices.GetRequiredService<IOptions<AccountsOptions>>().Value.RateLimit;
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits(options)),
            Window = options.Window,
            QueueLimit = 0,
        });
    }
}
