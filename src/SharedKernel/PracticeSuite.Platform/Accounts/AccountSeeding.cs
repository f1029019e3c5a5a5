using Autofac;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PracticeSuite.Platform.Clinic;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Identity;

namespace PracticeSuite.Platform.Accounts;

/// <summary>Creates accounts outside an invitation: the first manager, the setup page's manager and the personas.</summary>
internal sealed class AccountSeeding(AccountsDbContext db, UserManager<PracticeUser> users, TimeProvider time)
{
    public async Task<bool> AnyManagerAsync() => (await users.GetUsersInRoleAsync(nameof(PracticeRole.Manager))).Count > 0;

    /// <summary>Creates an active account with a password; the password rules that fail come back as errors.</summary>
    public async Task<(PracticeUser? User, IReadOnlyList<string> Errors)> CreateAsync(
        string email, string displayName, string password, PracticeRole role, Guid? clientId, Guid? therapistId)
    {
        var user = new PracticeUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            ClientId = clientId,
            TherapistId = therapistId,
            CreatedAt = time.GetUtcNow().UtcDateTime,
            LockoutEnabled = true,
        };
        await using var transaction = await db.Database.BeginTransactionAsync();
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            await transaction.RollbackAsync();
            return (null, created.Errors.Select(e => e.Description).ToList());
        }

        Check(await users.AddToRoleAsync(user, role.ToString()));
        await transaction.CommitAsync();
        return (user, []);
    }

    /// <summary>
    /// The standard people (a manager, two therapists, a receptionist, two clients) with one password, created
    /// unless they exist. <c>Created</c> is false when they already existed.
    /// </summary>
    public async Task<(Personas Personas, bool Created)> EnsurePersonasAsync(string emailDomain, string password)
    {
        var managerEmail = $"manager@{emailDomain}";
        var created = await users.FindByEmailAsync(managerEmail) is null;
        var manager = await EnsureAsync(managerEmail, "Morgan Manager", password, PracticeRole.Manager, null, null);
        var therapistA = await EnsureTherapistAsync($"therapist.a@{emailDomain}", "Tara Therapist", password);
        var therapistB = await EnsureTherapistAsync($"therapist.b@{emailDomain}", "Theo Therapist", password);
        var clientA = await EnsureAsync($"client.a@{emailDomain}", "Casey Client", password, PracticeRole.Client, Guid.CreateVersion7(), null);
        var clientB = await EnsureAsync($"client.b@{emailDomain}", "Chris Client", password, PracticeRole.Client, Guid.CreateVersion7(), null);
        var reception = await EnsureAsync($"reception@{emailDomain}", "Riley Reception", password, PracticeRole.Reception, null, null);
        return (new Personas(clientA, clientB, therapistA, therapistB, manager, reception), created);
    }

    /// <summary>Lets every module create its records for the personas and returns their route values, merged.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> SeedModuleRecordsAsync(ILifetimeScope root, Personas personas, CancellationToken cancellationToken)
    {
        // The platform's own: a therapist's id, for the pages addressed by one.
        var routeValues = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (personas.TherapistA.TherapistId is { } therapistId)
        {
            routeValues["therapistId"] = therapistId.ToString();
        }

        using var system = SystemPrincipal.Enter();
        await using var scope = root.BeginLifetimeScope();
        foreach (var records in scope.Resolve<IEnumerable<IPersonaRecords>>())
        {
            foreach (var (key, value) in await records.SeedAsync(personas, cancellationToken))
            {
                routeValues[key] = value;
            }
        }

        return routeValues;
    }

    /// <summary>A demo therapist's account; the Scheduling module's demo records give them a profile and credentials.</summary>
    private async Task<PersonaAccount> EnsureTherapistAsync(string email, string displayName, string password)
    {
        var existing = await users.FindByEmailAsync(email);
        return await EnsureAsync(email, displayName, password, PracticeRole.Therapist, null, existing?.TherapistId ?? AccountService.NewTherapistId());
    }

    private async Task<PersonaAccount> EnsureAsync(string email, string displayName, string password, PracticeRole role, Guid? clientId, Guid? therapistId)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            var (created, errors) = await CreateAsync(email, displayName, password, role, clientId, therapistId);
            user = created ?? throw new InvalidOperationException($"Could not create {email}: {string.Join(" ", errors)}");
        }

        return new PersonaAccount(user.Id, email, user.DisplayName, role, user.ClientId, user.TherapistId);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}

/// <summary>
/// At start-up: the roles, the first manager from configuration and, in demo mode, the demo people and
/// the modules' demo records (printed to the console).
/// </summary>
internal sealed class AccountsStartup(ILifetimeScope root, IOptions<DemoOptions> demoOptions, IOptions<AccountsOptions> options, ILogger<AccountsStartup> logger) : IHostedService
{
    public const string DemoDomain = "demo.practicesuite.local";
    public const string DemoPassword = "Demo-Password-2026";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var first = options.Value.FirstManager;
        var demo = demoOptions.Value.Enabled;
        if (string.IsNullOrWhiteSpace(first.Email) && !demo)
        {
            return; // nothing to seed: accounts (Identity and its model) are left to the first request that needs them
        }

        await using var scope = root.BeginLifetimeScope();
        var seeding = scope.Resolve<AccountSeeding>(); // the roles themselves are data, from migration SeedRoles

        if (!string.IsNullOrWhiteSpace(first.Email) && !await seeding.AnyManagerAsync())
        {
            if (string.IsNullOrEmpty(first.Password))
            {
                logger.LogError("Accounts:FirstManager:Email is set but Accounts:FirstManager:Password is not; use the /Setup page instead");
            }
            else
            {
                var (user, errors) = await seeding.CreateAsync(first.Email.Trim(), first.DisplayName, first.Password, PracticeRole.Manager, null, null);
                if (user is null)
                {
                    logger.LogError("The first manager from configuration was not created: {Errors}", string.Join(" ", errors));
                }
                else
                {
                    logger.LogInformation("Created the first manager {Email} from configuration", user.Email);
                }
            }
        }

        if (demo)
        {
            var (personas, created) = await seeding.EnsurePersonasAsync(DemoDomain, DemoPassword);
            if (created)
            {
                await AccountSeeding.SeedModuleRecordsAsync(root, personas, cancellationToken);
            }

            await SeedDemoRecordsAsync(personas, cancellationToken);

            var lines = new[] { personas.Manager, personas.Reception!, personas.TherapistA, personas.TherapistB, personas.ClientA, personas.ClientB }
                .Select(p => $"  {p.Role,-9} {p.Email,-40} {DemoPassword}");
            Console.WriteLine($"Demo mode (Demo:Enabled): sign in with one of these accounts\n{string.Join('\n', lines)}");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SeedDemoRecordsAsync(Personas personas, CancellationToken cancellationToken)
    {
        using var system = SystemPrincipal.Enter();
        await using var scope = root.BeginLifetimeScope();
        await scope.Resolve<ClinicIdentityEditor>().SeedDemoAsync(cancellationToken);
        foreach (var records in scope.Resolve<IEnumerable<IDemoRecords>>())
        {
            var added = await records.SeedAsync(personas, cancellationToken);
            if (added > 0)
            {
                logger.LogInformation("Demo mode: {Seeder} added {Count} sample records", records.GetType().Name, added);
            }
        }
    }
}

/// <summary><c>Demo:*</c>: whether the host seeds the demo accounts and the modules' demo records (on under <c>dotnet run</c>).</summary>
internal sealed class DemoOptions
{
    public bool Enabled { get; set; }
}
