using PracticeSuite.Host;
using PracticeSuite.Platform.Modules;
using PracticeSuite.Platform.Persistence;

// `--backup <file>` and `--restore <file>` copy an embedded deployment's data folder to and from one file, instead of running.
if (BackupCommandLine.IsRequested(args))
{
    return BackupCommandLine.Run(args);
}

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
catch (Exception exception) when (StartupConfigurationException.Find(exception) is { } problem)
{
    // One clear message, no stack trace: the configuration or the staged modules need fixing. The container wraps
    // what a component's creation throws, hence the search through inner exceptions.
    foreach (var line in problem.Problems)
    {
        Console.Error.WriteLine($"PracticeSuite cannot start: {line}");
    }

    return 1;
}

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
