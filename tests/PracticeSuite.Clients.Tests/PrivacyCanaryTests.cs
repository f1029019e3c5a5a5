using System.Net.Http.Json;
using Autofac;
using PracticeSuite.SharedKernel.Hosting.Persistence;
using Xunit;

namespace PracticeSuite.Clients.Tests;

/// <summary>
/// The module's share of privacy, proved with a canary: a word written into every personal and health field of one
/// client shows up in that client's export, and after erasure it is nowhere in the module's tables (every text
/// column of every table the module owns, read straight from the database).
/// </summary>
[Trait("Category", "Persistence")]
public sealed class PrivacyCanaryTests(ClientsHost host) : IClassFixture<ClientsHost>
{
    [Fact]
    public async Task A_canary_in_every_field_is_exported_and_after_erasure_is_nowhere_in_the_modules_tables()
    {
        var canary = "Canary" + Guid.NewGuid().ToString("N")[..12];
        var manager = host.Manager();
        var details = Api.NewClient(canary + "Given", canary + "Family", $"{canary.ToLowerInvariant()}@example.com");
        details["address"] = canary + " Street 1";
        details["emergencyContactName"] = canary + " Contact";
        details["painThresholdNotes"] = canary + " bruises easily";
        var id = await manager.RegisterAsync(details);
        var intake = Api.Intake(("open-wound", ["neck"]));
        intake["reasonForVisit"] = canary + " reason";
        intake["goals"] = canary + " goals";
        intake["medications"] = canary + " tablets";
        intake["allergies"] = canary + " oil";
        await (await manager.PostAsJsonAsync($"/api/clients/{id}/intake", intake)).EnsureSuccessAsync();
        await (await host.ClientUser(id).PostAsJsonAsync($"/api/clients/{id}/consent", new { version = 1, typedName = $"{canary}Given {canary}Family", agreed = true })).EnsureSuccessAsync();

        var export = (await manager.GetJsonAsync($"/api/clients/{id}/export")).ToJsonString();
        foreach (var field in new[] { "Given", "Family", " Street 1", " Contact", " bruises easily", " reason", " goals", " tablets", " oil", "Given " + canary + "Family" })
        {
            Assert.Contains(canary + field, export, StringComparison.Ordinal);
        }

        // The printable PDF holds the same data, in words (read back as a viewer reads it; lines joined).
        using var pdf = await manager.GetAsync($"/api/clients/{id}/export/pdf");
        Assert.Equal(System.Net.HttpStatusCode.OK, pdf.StatusCode);
        var printed = System.Text.RegularExpressions.Regex.Replace(await PracticeSuite.Testing.PdfText.TextAsync(await pdf.Content.ReadAsByteArrayAsync()), @"\s+", " ");
        foreach (var field in new[] { "Given", "Family", " Street 1", " Contact", " bruises easily", " reason", " goals", " tablets", " oil", "Given " + canary + "Family" })
        {
            Assert.Contains(canary + field, printed, StringComparison.Ordinal);
        }

        Assert.NotEmpty(await PlacesHoldingAsync(canary)); // the scan can find it, or its empty answer below would prove nothing

        await (await manager.PostAsJsonAsync($"/api/clients/{id}/erase", new { confirmed = true })).EnsureSuccessAsync();

        Assert.Empty(await PlacesHoldingAsync(canary));
    }

    /// <summary>"table.column" for every text column of the Clients module's tables that holds <paramref name="word"/>.</summary>
    private async Task<IReadOnlyList<string>> PlacesHoldingAsync(string word)
    {
        var database = host.Factory.Container.Resolve<PracticeDatabase>();
        await using var connection = database.CreateConnection();
        await connection.OpenAsync();
        var columns = new List<(string Table, string Column)>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = database.Provider == DatabaseProvider.Postgres
                ? "SELECT table_schema || '.' || table_name, column_name FROM information_schema.columns WHERE table_schema = 'clients' AND data_type IN ('text', 'character varying')"
                : "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name LIKE 'clients\\_%' ESCAPE '\\' AND p.type LIKE '%TEXT%'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        Assert.True(columns.Count > 10, $"only {columns.Count} text columns found to search");
        var found = new List<string>();
        foreach (var (table, column) in columns)
        {
            await using var probe = connection.CreateCommand();
            probe.CommandText = $"SELECT COUNT(*) FROM {table} WHERE LOWER(\"{column}\") LIKE @word";
            var parameter = probe.CreateParameter();
            parameter.ParameterName = "@word";
            parameter.Value = "%" + word.ToLowerInvariant() + "%";
            probe.Parameters.Add(parameter);
            if (Convert.ToInt64(await probe.ExecuteScalarAsync()) > 0)
            {
                found.Add($"{table}.{column}");
            }
        }

        return found;
    }
}
