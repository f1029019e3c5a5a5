using System.Data.Common;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using PracticeSuite.SharedKernel.Hosting.Persistence;
using Xunit;

namespace PracticeSuite.Security.Tests;

/// <summary>
/// What a module adds to the erasure canary (<see cref="ErasureCanaryTests"/>): once the Clients module has registered
/// the canary client, each module writes its own personal data about that client through its real API or pages, every
/// value made with <see cref="CanaryMarkers.Add"/>. A new module adds its class to <see cref="ErasureCanaryTests.ModulesData"/>.
/// </summary>
public interface IErasureCanaryData
{
    Task WriteAsync(ErasureCanaryRun run);
}

/// <summary>
/// The unique words of one canary run, each under a label saying what it stands for ("address", "intake goals").
/// They are found case-insensitively, so a value stored normalised (lower-case search terms, upper-case Identity
/// e-mail) is still found.
/// </summary>
public sealed class CanaryMarkers
{
    private readonly Dictionary<string, string> _markers = new(StringComparer.Ordinal);

    /// <summary>Random letters for this run; put them in every text marker, so no other text can hold one by chance.</summary>
    public string Token { get; } = string.Concat(Enumerable.Range(0, 12).Select(_ => (char)('a' + Random.Shared.Next(26))));

    public IReadOnlyDictionary<string, string> All => _markers;

    /// <summary>Records <paramref name="value"/> as the marker for <paramref name="what"/> and returns it.</summary>
    public string Add(string what, string value)
    {
        Assert.True(value.Length >= 10, $"the marker for {what} is too short to be unique: {value}");
        _markers.Add(what, value);
        return value;
    }

    /// <summary>A phone number whose digits are random: phone numbers cannot carry the letters of the token.</summary>
    public string AddPhone(string what) =>
        Add(what, "+447" + string.Concat(Enumerable.Range(0, 9).Select(_ => (char)('0' + Random.Shared.Next(10)))));
}

/// <summary>A canary run's host and people: the manager, the canary client's own portal session, and the markers.</summary>
public sealed class ErasureCanaryRun(PracticeSuiteFactory factory, CanaryMarkers markers)
{
    public PracticeSuiteFactory Factory { get; } = factory;

    public CanaryMarkers Markers { get; } = markers;

    /// <summary>Signed in as the clinic's manager through the login page (<see cref="SignInManagerAsync"/>).</summary>
    public HttpClient Manager { get; private set; } = null!;

    public Guid ClientId { get; set; }

    /// <summary>The canary client signed in to the portal (the Clients module creates the account).</summary>
    public HttpClient? Client { get; set; }

    public PracticeDatabase Database => (PracticeDatabase)Factory.Services.GetService(typeof(PracticeDatabase))!;

    public HttpClient NewBrowser()
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add("Origin", "http://localhost"); // as a browser on the site's own pages says
        return client;
    }

    /// <summary>GETs the page for its antiforgery token, then posts the form with it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields, string? getPath = null)
    {
        var page = await client.GetStringAsync(getPath ?? path);
        fields["__RequestVerificationToken"] = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    public async Task SignInManagerAsync(string email, string password) => Manager = await SignInAsync(email, password);

    /// <summary>A new browser signed in through the real login page.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password)
    {
        var client = NewBrowser();
        var response = await PostFormAsync(client, "/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in of {email}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    /// <summary>One value read with SQL (the platform's tables are not this project's to map).</summary>
    public async Task<object?> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return await command.ExecuteScalarAsync();
    }
}

/// <summary>Where a marker was found: "address in practicesuite.db-wal (UTF-8)".</summary>
public sealed record CanaryFinding(string What, string Place)
{
    public override string ToString() => $"{What} in {Place}";
}

/// <summary>Looks for the markers in raw files, in every text column of every table, and in log entries.</summary>
public static class CanaryScan
{
    private static readonly (string Name, Encoding Encoding)[] Encodings =
        [("UTF-8", Encoding.UTF8), ("UTF-16LE", Encoding.Unicode), ("UTF-16BE", Encoding.BigEndianUnicode)];

    /// <summary>
    /// Every file under <paramref name="folder"/> (the databases and their -wal and -shm files, Hangfire's file, the mail
    /// folder, keys, anything a module adds), read as bytes while the host may still have them open.
    /// </summary>
    public static IReadOnlyList<CanaryFinding> InFiles(string folder, CanaryMarkers markers)
    {
        var patterns = markers.All.SelectMany(m => Encodings.Select(e => (m.Key, e.Name, Bytes: e.Encoding.GetBytes(m.Value.ToLowerInvariant())))).ToList();
        var found = new List<CanaryFinding>();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            byte[] content;
            try
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                content = copy.ToArray();
            }
            catch (FileNotFoundException)
            {
                continue; // a -wal or .partial file removed between listing and reading
            }
            catch (IOException) when (Path.GetFileName(file) == "practicesuite.lock")
            {
                continue; // held exclusively while the host runs (it writes nothing into it); read once the host stopped
            }

            LowerAscii(content);
            found.AddRange(patterns.Where(p => content.AsSpan().IndexOf(p.Bytes) >= 0)
                .Select(p => new CanaryFinding(p.Key, $"{Path.GetRelativePath(folder, file)} ({p.Name})")));
        }

        return found;
    }

    /// <summary>Every entry the host logged: message, category and scope values.</summary>
    public static IReadOnlyList<CanaryFinding> InLogs(IEnumerable<CapturedLogs.Entry> entries, CanaryMarkers markers) =>
        entries.SelectMany(entry =>
        {
            var text = $"{entry.Category} {entry.Message} {string.Join(" ", entry.Scope.Select(s => $"{s.Key}={s.Value}"))}";
            return markers.All.Where(m => text.Contains(m.Value, StringComparison.OrdinalIgnoreCase))
                .Select(m => new CanaryFinding(m.Key, $"the log ({entry.Category}: {entry.Message})"));
        }).ToList();

    /// <summary>
    /// Every text column of every table of the database, read with SQL: the audit trail, every module's outbox and inbox,
    /// the e-mail log, Hangfire's tables on PostgreSQL. Returns the tables it read too, so a test can check it saw them.
    /// </summary>
    public static async Task<(IReadOnlyList<CanaryFinding> Found, IReadOnlySet<string> Tables)> InRowsAsync(PracticeDatabase database, CanaryMarkers markers)
    {
        var columns = await TextColumnsAsync(database);
        await using var connection = database.CreateConnection();
        await connection.OpenAsync();
        var found = new List<CanaryFinding>();
        foreach (var (table, column) in columns)
        {
            await using var probe = connection.CreateCommand();
            var text = $"LOWER(CAST(\"{column}\" AS TEXT))";
            probe.CommandText = $"SELECT {text} FROM {table} WHERE " + string.Join(" OR ", markers.All.Select((_, i) => $"{text} LIKE @m{i}"));
            foreach (var (marker, i) in markers.All.Values.Select((m, i) => (m, i)))
            {
                AddParameter(probe, $"@m{i}", "%" + marker.ToLowerInvariant() + "%");
            }

            await using var reader = await probe.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var value = reader.GetString(0);
                found.AddRange(markers.All.Where(m => value.Contains(m.Value, StringComparison.OrdinalIgnoreCase))
                    .Select(m => new CanaryFinding(m.Key, $"{table}.{column}")));
            }
        }

        return (found.Distinct().ToList(), columns.Select(c => c.Table.Replace("\"", "")).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>(quoted table, column) for every column that can hold text, in every table of every schema.</summary>
    public static async Task<IReadOnlyList<(string Table, string Column)>> TextColumnsAsync(PracticeDatabase database)
    {
        await using var connection = database.CreateConnection();
        await connection.OpenAsync();
        await using var list = connection.CreateCommand();
        list.CommandText = database.Provider == DatabaseProvider.Postgres
            ? """
              SELECT '"' || table_schema || '"."' || table_name || '"', column_name FROM information_schema.columns
              WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb')
              """
            : "SELECT '\"' || m.name || '\"', p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'"; // SQLite: any column may hold text
        var columns = new List<(string Table, string Column)>();
        await using var reader = await list.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add((reader.GetString(0), reader.GetString(1)));
        }

        return columns;
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>ASCII letters to lower case, in place: the markers are ASCII, and the same bytes serve UTF-8 and UTF-16.</summary>
    private static void LowerAscii(byte[] content)
    {
        for (var i = 0; i < content.Length; i++)
        {
            if (content[i] is >= (byte)'A' and <= (byte)'Z')
            {
                content[i] += 'a' - 'A';
            }
        }
    }
}
