using PracticeSuite.SharedKernel.Hosting.Persistence;
using PracticeSuite.Testing;
using Xunit;

namespace PracticeSuite.Accounts.Tests;

/// <summary>Two host processes on one PostgreSQL database deliver queued e-mail together: each message exactly once.</summary>
[Trait("Category", "Cluster")]
public sealed class ClusterEmailTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Two_nodes_deliver_every_queued_message_once()
    {
        Assert.True(_database.Provider == DatabaseProvider.Postgres, "Two nodes need a database server: build/test.sh runs this on PostgreSQL.");
        var smtpPort = HostProcess.FreePort();
        await using var smtp = await SmtpServer.AcceptingAsync(smtpPort);
        var common = _database.HostArguments
            .Concat(["--Modules:Alpha:Enabled=true", "--Modules:Beta:Enabled=true", "--Modules:Gamma:Enabled=true",
                "--Email:Smtp:Host=127.0.0.1", $"--Email:Smtp:Port={smtpPort}", "--Email:DeliveryInterval=00:00:15"])
            .ToList();
        var migrated = await HostProcess.RunToExitAsync(common.Append("--migrate-only"), HostProcess.StartTimeout);
        Assert.True(migrated.ExitCode == 0, migrated.StandardError);

        await using var nodeA = await HostProcess.StartAsync(common, HostProcess.StartTimeout);
        await using var nodeB = await HostProcess.StartAsync(common, HostProcess.StartTimeout);
        var keys = Enumerable.Range(1, 30).Select(i => $"{i:00}-{Guid.NewGuid():N}").ToList();
        // Each queued message wakes delivery on the node that queued it, so both nodes deliver at the same time.
        await Task.WhenAll(keys.Select((key, i) => (i % 2 == 0 ? nodeA : nodeB).Client.PostAsync($"/api/gamma/mail/{key}", null, TestContext.Current.CancellationToken)));

        var deadline = DateTime.UtcNow.AddSeconds(90);
        Dictionary<string, int> delivered;
        do
        {
            await Task.Delay(500, TestContext.Current.CancellationToken);
            delivered = keys.ToDictionary(k => k, _ => 0);
            foreach (var stored in smtp.Messages())
            {
                var subject = stored.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.StartsWith("Subject: Gamma mail ", StringComparison.Ordinal));
                if (subject is not null && delivered.ContainsKey(subject["Subject: Gamma mail ".Length..]))
                {
                    delivered[subject["Subject: Gamma mail ".Length..]]++;
                }
            }
        }
        while (delivered.Values.Any(n => n == 0) && DateTime.UtcNow < deadline);

        // A moment more, so a second delivery of any message would have arrived too.
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        Assert.All(delivered, pair => Assert.True(pair.Value == 1, $"{pair.Key} was delivered {pair.Value} times\n{nodeA.Output}\n{nodeB.Output}"));
        Assert.Equal(keys.Count, smtp.Messages().Count(m => m.Contains("Subject: Gamma mail ", StringComparison.Ordinal)));
    }
}
