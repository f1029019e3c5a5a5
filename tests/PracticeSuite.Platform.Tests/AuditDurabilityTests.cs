using System.Net;
using System.Text.RegularExpressions;
using PracticeSuite.Testing;
using Xunit;

namespace PracticeSuite.Platform.Tests;

/// <summary>
/// A read's audit entry is committed before the response is sent: the host is killed with SIGKILL right after a
/// 200 for a client's record, and after a restart the entry is there, exactly once.
/// </summary>
[Trait("Category", "Persistence")]
public sealed partial class AuditDurabilityTests : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = HostProcess.StartTimeout;
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_entry_for_a_record_answered_with_200_survives_a_kill_straight_after()
    {
        string clientId;
        await using (var doomed = await HostProcess.StartAsync(Arguments(), StartTimeout))
        {
            using var manager = await SignedInManagerAsync(doomed.Address);
            clientId = DemoClient().Match(await manager.GetStringAsync("/Clients?q=Hughes", Ct)).Groups[1].Value;

            using var record = await manager.GetAsync($"/Clients/{clientId}", HttpCompletionOption.ResponseHeadersRead, Ct);
            Assert.Equal(HttpStatusCode.OK, record.StatusCode);
            doomed.Kill(); // SIGKILL: nothing the host had not yet committed survives
            Assert.Equal(137, doomed.Process.ExitCode);
        }

        await using var restarted = await HostProcess.StartAsync(Arguments(), StartTimeout);
        using var auditor = await SignedInManagerAsync(restarted.Address);
        var csv = await auditor.GetStringAsync($"/Manage/Audit?handler=Csv&ClientId={clientId}&ActionName=clients.record.read", Ct);
        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Single(rows);
        Assert.Contains(",Manager,clients.record.read,Client,", rows[0]);
    }

    private IEnumerable<string> Arguments() => _database.HostArguments.Append("--Demo:Enabled=true");

    private static async Task<HttpClient> SignedInManagerAsync(Uri address)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = address };
        var form = await client.GetStringAsync("/Account/Login", Ct);
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        using var signIn = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "manager@demo.practicesuite.local",
            ["Input.Password"] = "Demo-Password-2026",
            ["__RequestVerificationToken"] = token,
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("data-client-id=\"([0-9a-f-]{36})\"")]
    private static partial Regex DemoClient();
}
