using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using PracticeSuite.SharedKernel.Hosting.Persistence;
using Xunit;

namespace PracticeSuite.Security.Tests;

/// <summary>
/// Erasure removes the bytes (issue 16, defect 5): a client is given unique marker words in every personal field each
/// module keeps, through the real API and pages, is sent mail, and is erased; then no marker may be left anywhere the
/// host writes — not in the raw bytes of any file under the data folder (the database and its -wal, Hangfire's file,
/// the mail folder, whatever else), as UTF-8 or UTF-16, nor in any table (audit trail, outboxes, inboxes, e-mail log
/// included), nor in what the host logged. Scanned while the host runs, as someone copying the disk would find it, and
/// again after it stopped. Every module adds its data to <see cref="ModulesData"/>.
/// </summary>
[Trait("Category", "Persistence")]
public sealed class ErasureCanaryTests
{
    private const string ManagerEmail = "manager@canary.test";
    private const string ManagerPassword = "Canary-Manager-Password-2026!";

    /// <summary>What each module writes about the canary client once the Clients module has registered them.</summary>
    public static readonly IReadOnlyList<IErasureCanaryData> ModulesData = [new ClientsCanaryData()];

    private static readonly IReadOnlyDictionary<string, string?> Settings = PracticeSuiteFactory.TestModules.ToDictionary(m => m.Key, _ => (string?)"false")
        .Concat(new Dictionary<string, string?>
        {
            ["Clinic:TimeZone"] = "Europe/London",
            ["Accounts:FirstManager:Email"] = ManagerEmail,
            ["Accounts:FirstManager:Password"] = ManagerPassword,
            ["Email:BackgroundDelivery"] = "false", // delivered when the test asks, so the invitation link can be read first
            ["Backup:Enabled"] = "false", // a backup from before the erasure keeps the data by design (README, "Erasure")
        })
        .ToDictionary(s => s.Key, s => s.Value);

    [Fact]
    public async Task After_erasure_no_marker_of_the_client_is_in_any_file_of_the_data_folder_any_table_or_the_log()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var factory = new PracticeSuiteFactory(database, Settings);
        _ = factory.Server;
        var markers = new CanaryMarkers();
        var run = new ErasureCanaryRun(factory, markers);
        await run.SignInManagerAsync(ManagerEmail, ManagerPassword);
        await ClientsCanaryData.RegisterAsync(run);
        foreach (var module in ModulesData)
        {
            await module.WriteAsync(run);
        }

        // The scans can find every marker, or their empty answers below would prove nothing.
        var (writtenRows, _) = await CanaryScan.InRowsAsync(run.Database, markers);
        Assert.Empty(markers.All.Keys.Except(writtenRows.Select(f => f.What)));
        Assert.Contains(CanaryScan.InFiles(database.DataDirectory, markers), f => f.What == "e-mail" && f.Place.StartsWith("mail", StringComparison.Ordinal));

        var erased = await run.Manager.PostAsJsonAsync($"/api/clients/{run.ClientId}/erase", new { confirmed = true });
        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        await WaitUntilMessagesAreHandledAsync(run);

        var (rows, tables) = await CanaryScan.InRowsAsync(run.Database, markers);
        var whileRunning = CanaryScan.InFiles(database.DataDirectory, markers).Concat(rows).Concat(CanaryScan.InLogs(factory.Logs.Entries, markers)).ToList();
        Assert.True(whileRunning.Count == 0, "Left after erasure, host running:\n" + string.Join("\n", whileRunning.Distinct()));

        // The tables the erasure writes to were read, and hold the erasure by id.
        Assert.Contains(tables, t => t.EndsWith("audit_entries", StringComparison.Ordinal));
        Assert.Contains(tables, t => t.EndsWith("outbox", StringComparison.Ordinal));
        Assert.Contains(tables, t => t.EndsWith("inbox", StringComparison.Ordinal));
        var id = run.ClientId.ToString();
        Assert.Equal(1L, Convert.ToInt64(await run.ScalarAsync(
            $"SELECT COUNT(*) FROM {run.Database.QualifiedTable("Accounts", "audit_entries")} WHERE LOWER(CAST(\"ClientId\" AS TEXT)) = @id AND \"Action\" = 'clients.record.erased'", ("@id", id))));
        Assert.Equal(1L, Convert.ToInt64(await run.ScalarAsync(
            $"SELECT COUNT(*) FROM {run.Database.QualifiedTable("Clients", "outbox")} WHERE \"Type\" = 'clients.client-erased.v1' AND LOWER(\"Payload\") LIKE @id", ("@id", $"%{id}%"))));

        // Stopped: the host closes its files (on SQLite the last connection checkpoints the -wal into the database).
        await factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        var afterStop = CanaryScan.InFiles(database.DataDirectory, markers).Concat(CanaryScan.InLogs(factory.Logs.Entries, markers)).ToList();
        Assert.True(afterStop.Count == 0, "Left after erasure, host stopped:\n" + string.Join("\n", afterStop.Distinct()));
    }

    /// <summary>Until every outbox row is relayed and every inbox row handled: other modules erase when they hear of it.</summary>
    private static async Task WaitUntilMessagesAreHandledAsync(ErasureCanaryRun run)
    {
        var tables = (await CanaryScan.TextColumnsAsync(run.Database)).Select(c => c.Table).Distinct().ToList();
        var pending = tables.Where(t => t.EndsWith("outbox\"", StringComparison.Ordinal)).Select(t => $"SELECT COUNT(*) FROM {t} WHERE \"RelayedAt\" IS NULL")
            .Concat(tables.Where(t => t.EndsWith("inbox\"", StringComparison.Ordinal)).Select(t => $"SELECT COUNT(*) FROM {t} WHERE \"ProcessedAt\" IS NULL AND \"ParkedAt\" IS NULL"))
            .ToList();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            long waiting = 0;
            foreach (var count in pending)
            {
                waiting += Convert.ToInt64(await run.ScalarAsync(count));
            }

            if (waiting == 0)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{waiting} message(s) still not relayed or handled after 30 s");
            await Task.Delay(100);
        }
    }
}
