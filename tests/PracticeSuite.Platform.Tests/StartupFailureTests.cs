using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Npgsql;
using PracticeSuite.Platform.Jobs;
using PracticeSuite.Platform.Modules;
using PracticeSuite.SharedKernel.Hosting.Persistence;
using PracticeSuite.Testing;
using Xunit;

namespace PracticeSuite.Platform.Tests;

/// <summary>Start-up stops with one clear message naming the module; the host runs as an operator would start it.</summary>
public sealed class StartupFailureTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task An_enabled_module_without_staged_binaries_stops_start_up()
    {
        var outcome = await RunAsync("--Modules:Ghost:Enabled=true");
        AssertStopped(outcome, "Module 'Ghost' is enabled in configuration (Modules:Ghost:Enabled) but has no staged binaries");
    }

    [Fact]
    public async Task A_disabled_required_module_stops_start_up()
    {
        var outcome = await RunAsync("--Modules:Alpha:Enabled=true", "--Modules:Beta:Enabled=false");
        AssertStopped(outcome, "Module 'Alpha' requires module 'Beta', which is disabled");
    }

    [Fact]
    public async Task A_required_module_missing_from_configuration_stops_start_up()
    {
        var outcome = await RunAsync("--Modules:Alpha:Enabled=true");
        AssertStopped(outcome, "Module 'Alpha' requires module 'Beta', which is not configured");
    }

    [Fact]
    public async Task Two_modules_with_one_name_stop_start_up()
    {
        var outcome = await RunAsync("--Modules:Alpha:Enabled=true", "--Modules:Beta:Enabled=true", "--Modules:Twin:Enabled=true");
        AssertStopped(outcome, "Two modules share the name 'Alpha'");
    }

    [Fact]
    public async Task A_contract_request_without_a_handler_stops_start_up()
    {
        var outcome = await RunAsync("--Modules:Faulty:Enabled=true");
        AssertStopped(outcome, "Module 'Faulty': request PracticeSuite.Modules.Faulty.Contracts.UnansweredQuery has no handler");
    }

    [Fact]
    public async Task A_contract_request_with_two_handlers_stops_start_up()
    {
        var outcome = await RunAsync("--Modules:Beta:Enabled=true", "--Modules:Faulty:Enabled=true");
        AssertStopped(outcome, "Module 'Beta': request PracticeSuite.Modules.Beta.Contracts.GetGreeting has 2 handlers");
    }

    [Fact]
    public async Task An_unknown_clinic_time_zone_stops_start_up()
    {
        var outcome = await RunAsync("--Clinic:TimeZone=Europe/Atlantis");
        AssertStopped(outcome, "Clinic:TimeZone is 'Europe/Atlantis', which is not a known time zone; use an IANA id such as Europe/London.");
    }

    [Fact]
    public async Task A_sweep_interval_shorter_than_15_seconds_stops_start_up_naming_the_job()
    {
        var outcome = await RunAsync("--Messaging:SweepInterval=00:00:10");
        AssertStopped(outcome, "Job Platform.messaging-sweep runs every 00:00:10; an interval is at least 15 s and at most an hour, in whole seconds.");
    }

    [Fact]
    public async Task A_backup_cron_hangfire_refuses_or_keeping_no_backups_stops_start_up()
    {
        // This class runs on SQLite (it has no Persistence trait): the nightly backup is the embedded database's.
        var badCron = await RunAsync("--Backup:Cron=0 25 * * *");
        Assert.Equal(1, badCron.ExitCode);
        Assert.Contains("PracticeSuite cannot start: Job Platform.backup has the cron expression '0 25 * * *', which is not valid:", badCron.StandardError);

        AssertStopped(await RunAsync("--Backup:Keep=0"), "Backup:Keep must be at least 1 (or set Backup:Enabled to false).");
    }

    /// <summary>One bad value for each row of the README's settings table (intervals and the time zone have their own tests).</summary>
    [Theory]
    [InlineData("--Database:Provider=Oracle", "Database:Provider is 'Oracle'; it must be 'Sqlite' or 'Postgres'.")]
    [InlineData("--Database:Provider=Postgres", "Database:Provider is Postgres but ConnectionStrings:Practice is not set.")]
    [InlineData("--Modules:Alpha:Enabled=maybe", "Modules:Alpha:Enabled is 'maybe'; use true or false.")]
    [InlineData("--Messaging:MaxAttempts=0", "Messaging:MaxAttempts must be at least 1.")]
    [InlineData("--Messaging:RelayBatchSize=0", "Messaging:RelayBatchSize must be between 1 and 100000.")]
    [InlineData("--Messaging:InboxBatchSize=200000", "Messaging:InboxBatchSize must be between 1 and 100000.")]
    [InlineData("--Messaging:MaxRetryDelay=00:00:01", "Messaging:MaxRetryDelay must be at least Messaging:FirstRetryDelay.")]
    [InlineData("--Messaging:FirstRetryDelay=00:00:00", "Messaging:FirstRetryDelay must be longer than zero.")]
    [InlineData("--Messaging:Retention=00:05:00", "Messaging:Retention must be at least an hour.")]
    [InlineData("--Jobs:WorkerCount=0", "Jobs:WorkerCount must be between 1 and 100.")]
    [InlineData("--Jobs:InvisibilityTimeout=00:00:10", "Jobs:InvisibilityTimeout must be at least a minute.")]
    [InlineData("--Accounts:InvitationLifetime=00:00:00", "Accounts:InvitationLifetime must be longer than zero.")]
    [InlineData("--Accounts:PasswordResetLifetime=-01:00:00", "Accounts:PasswordResetLifetime must be longer than zero.")]
    [InlineData("--Accounts:PublicUrl=clinic.example.org", "Accounts:PublicUrl must be an absolute http:// or https:// address, e.g. https://clinic.example.org.")]
    [InlineData("--Accounts:PublicUrl=", "Accounts:PublicUrl must be set outside Development: it is the address links in e-mails start with, e.g. https://clinic.example.org.")]
    [InlineData("--Accounts:SessionLifetime=00:01:00", "Accounts:SessionLifetime must be at least five minutes.")]
    [InlineData("--Network:KnownProxies:0=proxy.local", "Network:KnownProxies must list IP addresses, e.g. 10.0.0.5.")]
    [InlineData("--Accounts:MaxFailedAccessAttempts=0", "Accounts:MaxFailedAccessAttempts must be at least 1.")]
    [InlineData("--Accounts:LockoutDuration=00:00:00", "Accounts:LockoutDuration must be longer than zero.")]
    [InlineData("--Accounts:MinimumPasswordLength=10", "Accounts:MinimumPasswordLength must be between 12 and 128.")]
    [InlineData("--Accounts:RateLimit:LoginPermits=0", "Accounts:RateLimit:LoginPermits and :ResetPermits must be at least 1.")]
    [InlineData("--Accounts:RateLimit:Window=00:00:00", "Accounts:RateLimit:Window must be longer than zero.")]
    [InlineData("--Accounts:FirstManager:Email=boss@clinic.test", "Accounts:FirstManager:Email and Accounts:FirstManager:Password are set together, or neither.")]
    [InlineData("--Email:From=not an address", "Email:From must be an address, e.g. Clinic <no-reply@clinic.example.org>.")]
    [InlineData("--Email:Smtp:Port=70000", "Email:Smtp:Port must be between 1 and 65535.")]
    [InlineData("--Email:Smtp:Timeout=00:00:00", "Email:Smtp:Timeout must be at least a second.")]
    [InlineData("--Email:MaxAttempts=0", "Email:MaxAttempts must be at least 1.")]
    [InlineData("--Email:RetryDelay=00:00:00", "Email:RetryDelay must be longer than zero.")]
    [InlineData("--Email:Smtp:Host=smtp server", "Email:Smtp:Host must be a host name or an address, e.g. smtp.example.org.")]
    [InlineData("--Email:Smtp:LocalDomain=clinic example", "Email:Smtp:LocalDomain must be a domain name, e.g. clinic.example.org.")]
    [InlineData("--Email:Smtp:UserName=clinic", "Email:Smtp:Password is needed with Email:Smtp:UserName.")]
    [InlineData("--Email:Folder=/etc/passwd", "Email:Folder names a file; it must be a folder.")]
    [InlineData("--Backup:Folder=/etc/passwd", "Backup:Folder names a file; it must be a folder.")]
    [InlineData("--Storage:DataDirectory=/etc/passwd", "Storage:DataDirectory is /etc/passwd, which is a file; it must be a folder.")]
    [InlineData("--Modules:Path=/nonexistent-practicesuite-modules", "Module 'Alpha' is enabled in configuration (Modules:Alpha:Enabled) but has no staged binaries")]
    public async Task A_bad_setting_stops_start_up_with_one_line_naming_it(string argument, string message)
    {
        var outcome = await RunAsync("--Modules:Alpha:Enabled=true", "--Modules:Beta:Enabled=true", argument);
        AssertStopped(outcome, message);
    }

    [Theory]
    [InlineData("--Jobs:WorkerCount=two", "'Jobs:WorkerCount'")]
    [InlineData("--Messaging:WakeOnCommit=sometimes", "'Messaging:WakeOnCommit'")]
    [InlineData("--Demo:Enabled=perhaps", "'Demo:Enabled'")]
    [InlineData("--Accounts:RequireTwoFactorForManagers=sometimes", "'Accounts:RequireTwoFactorForManagers'")]
    [InlineData("--Email:RetryDelay=soon", "'Email:RetryDelay'")]
    public async Task A_value_that_does_not_convert_stops_start_up_naming_the_key(string argument, string key)
    {
        var outcome = await RunAsync(argument);
        Assert.Equal(1, outcome.ExitCode);
        var line = Assert.Single(outcome.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("PracticeSuite cannot start: Failed to convert configuration value", line);
        Assert.Contains(key, line);
    }

    [Fact]
    public async Task Several_bad_settings_are_reported_together_one_line_each()
    {
        var outcome = await RunAsync("--Messaging:MaxAttempts=0", "--Email:MaxAttempts=0");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("PracticeSuite cannot start: Messaging:MaxAttempts must be at least 1.", outcome.StandardError);
        Assert.Contains("PracticeSuite cannot start: Email:MaxAttempts must be at least 1.", outcome.StandardError);
    }

    [Fact]
    public async Task An_interval_that_does_not_divide_a_minute_stops_start_up_naming_the_job()
    {
        var outcome = await RunAsync("--Email:DeliveryInterval=00:00:45");
        AssertStopped(outcome, "Job Platform.email-delivery runs every 45 s; under a minute, an interval must divide a minute (15, 20 or 30 s).");
    }

    [Fact]
    public async Task A_second_host_on_the_same_sqlite_folder_stops_with_one_line_naming_it()
    {
        Assert.SkipWhen(_database.Provider != SharedKernel.Hosting.Persistence.DatabaseProvider.Sqlite, "The folder lock guards the embedded database only.");
        await using var first = await HostProcess.StartAsync(_database.HostArguments, HostProcess.StartTimeout);

        var second = await RunAsync();

        AssertStopped(second, $"another PracticeSuite host is using the data folder {_database.DataDirectory} (it holds {Path.Combine(_database.DataDirectory, "practicesuite.lock")}); stop it, or give this host its own Storage:DataDirectory.");
        Assert.False(first.Process.HasExited); // the first host runs on
    }

    [Fact]
    [Trait("Category", "Persistence")]
    public async Task Migrate_only_applies_migrations_and_exits()
    {
        var outcome = await RunAsync("--migrate-only", "--Modules:Alpha:Enabled=true", "--Modules:Beta:Enabled=true");
        Assert.True(outcome.ExitCode == 0, outcome.StandardOutput + outcome.StandardError);
        Assert.Contains("Module Alpha: applying migrations", outcome.StandardOutput);

        var again = await RunAsync("--migrate-only", "--Modules:Alpha:Enabled=true", "--Modules:Beta:Enabled=true");
        Assert.Equal(0, again.ExitCode);
        Assert.DoesNotContain("applying migrations", again.StandardOutput);
    }

    private Task<HostProcess.Outcome> RunAsync(params string[] arguments) =>
        HostProcess.RunToExitAsync(
            _database.HostArguments.Concat(arguments),
            HostProcess.StartTimeout);

    private static void AssertStopped(HostProcess.Outcome outcome, string message)
    {
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("PracticeSuite cannot start: " + message, outcome.StandardError);
        Assert.DoesNotContain("   at ", outcome.StandardError); // no stack trace
    }
}

/// <summary>A database role that may not create Hangfire's schema gets one message that says how to fix it.</summary>
[Trait("Category", "Cluster")] // needs a database server and a second role: build/test.sh runs it on PostgreSQL
public sealed class JobSchemaPrivilegeTests
{
    public const string RestrictedRoleVariable = "PRACTICESUITE_TEST_POSTGRES_RESTRICTED_ROLE";

    [Fact]
    public async Task A_role_that_may_not_create_the_hangfire_schema_is_told_the_statement_that_fixes_it()
    {
        await using var database = await TestDatabase.CreateAsync();
        var role = Environment.GetEnvironmentVariable(RestrictedRoleVariable);
        Assert.True(database.Provider == DatabaseProvider.Postgres && role is { Length: > 0 },
            $"Run on PostgreSQL with {RestrictedRoleVariable} naming a role that may only log in (build/test.sh does).");
        // The restricted role shares the test role's password (build/test.sh); it may connect but create nothing.
        var restricted = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = role }.ConnectionString;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Practice"] = restricted,
        }).Build();
        await using var practice = PracticeDatabase.FromConfiguration(configuration, database.DataDirectory);
        using var storage = new PracticeJobStorage(practice, Options.Create(new JobsOptions()));

        var error = Assert.Throws<StartupConfigurationException>(() => storage.Storage);

        var name = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database;
        Assert.Equal(
            $"the database role \"{role}\" may not create the job engine's schema 'hangfire' in database \"{name}\". " +
            $"Create it once as an administrator: CREATE SCHEMA hangfire AUTHORIZATION \"{role}\";",
            error.Message);
    }
}
