using PracticeSuite.Host.Composition;
using PracticeSuite.Host.Modules;

// `--migrate-only` brings the database up to date and exits, for deployments that migrate before they start.
const string MigrateOnlySwitch = "--migrate-only";
var migrateOnly = args.Contains(MigrateOnlySwitch);

try
{
    var app = HostComposition.Build(args.Where(a => a != MigrateOnlySwitch).ToArray());
    await HostComposition.PrepareAsync(app, CancellationToken.None);
    if (migrateOnly)
    {
        app.Logger.LogInformation("Migrations applied; exiting because of {Switch}", MigrateOnlySwitch);
        return 0;
    }

    await app.RunAsync();
    return 0;
}
catch (StartupConfigurationException exception)
{
    // One clear message, no stack trace: the configuration or the staged modules need fixing.
    Console.Error.WriteLine($"PracticeSuite cannot start: {exception.Message}");
    return 1;
}

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
