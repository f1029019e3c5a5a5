using Microsoft.Extensions.Time.Testing;
using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Autofac;
using Autofac.Features.Indexed;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using PracticeSuite.SharedKernel.Hosting.Messaging;
using PracticeSuite.SharedKernel.Hosting.Persistence;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Messaging;
using PracticeSuite.SharedKernel.Identity;
using PracticeSuite.Testing;
using Xunit;

namespace PracticeSuite.Clients.Tests;

/// <summary>The clinic's people in these tests.</summary>
public static class People
{
    public static readonly Guid TherapistA = Guid.Parse("0a000000-0000-0000-0000-00000000000a");
    public static readonly Guid TherapistB = Guid.Parse("0b000000-0000-0000-0000-00000000000b");
    public static readonly Guid ClientA = Guid.Parse("ca000000-0000-0000-0000-0000000000ca");
    public static readonly Guid ClientB = Guid.Parse("cb000000-0000-0000-0000-0000000000cb");

    public static Personas Personas { get; } = new(
        new PersonaAccount("user-client-a", "alice.able@example.com", "Alice Able", PracticeRole.Client, ClientA, null),
        new PersonaAccount("user-client-b", "bob.baker@example.com", "Bob Baker", PracticeRole.Client, ClientB, null),
        new PersonaAccount("user-therapist-a", "tara@example.com", "Tara Therapist", PracticeRole.Therapist, null, TherapistA),
        new PersonaAccount("user-therapist-b", "theo@example.com", "Theo Therapist", PracticeRole.Therapist, null, TherapistB),
        new PersonaAccount("user-manager", "mia@example.com", "Mia Manager", PracticeRole.Manager, null, null));
}

/// <summary>Stands in for the platform's audit store: keeps what the pipeline declared in memory and reads it back.</summary>
public sealed class InMemoryAuditTrail(FakeTimeProvider clock) : IAuditTrail, IAuditTimeline
{
    public ConcurrentQueue<AuditSubject> Entries { get; } = new();

    private readonly ConcurrentQueue<(DateTime At, AuditSubject Subject)> _timed = new();

    public Task RecordAsync(AuditSubject subject, CancellationToken cancellationToken)
    {
        Entries.Enqueue(subject);
        _timed.Enqueue((clock.GetUtcNow().UtcDateTime, subject));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditTimelineEntry>> ForClientAsync(Guid clientId, bool includeReads, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AuditTimelineEntry>>(_timed
            .Where(t => t.Subject.ClientId == clientId && (includeReads || t.Subject.Action.Kind == AuditKind.Change))
            .Reverse().Take(limit)
            .Select(t => new AuditTimelineEntry(t.At, "Someone (Manager)", t.Subject.Action.Description, t.Subject.Action.Kind, t.Subject.Action.Code)).ToList());
}

public sealed class RecordingAccounts : IAccounts
{
    public ConcurrentQueue<AccountInvitation> Invitations { get; } = new();

    public ConcurrentQueue<Guid> ErasedClients { get; } = new();

    public Task<string> InviteAsync(AccountInvitation invitation, CancellationToken cancellationToken)
    {
        Invitations.Enqueue(invitation);
        return Task.FromResult("account-" + invitation.LinkedId);
    }

    public Task<string?> FindUserIdForClientAsync(Guid clientId, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public Task EraseClientAccountAsync(Guid clientId, CancellationToken cancellationToken)
    {
        ErasedClients.Enqueue(clientId);
        return Task.CompletedTask;
    }
}

public sealed class TwoTherapists : ITherapistDirectory
{
    private static readonly TherapistSummary[] Therapists =
        [new(People.TherapistA, "Tara Therapist", true), new(People.TherapistB, "Theo Therapist", true)];

    public Task<IReadOnlyList<TherapistSummary>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<TherapistSummary>>(Therapists);

    public Task<TherapistSummary?> FindAsync(Guid therapistId, CancellationToken cancellationToken) =>
        Task.FromResult(Therapists.FirstOrDefault(t => t.Id == therapistId));
}

/// <summary>The host with the Clients module, test sign-in, a settable clock and in-memory platform services.</summary>
public sealed class ClientsFactory(TestDatabase database, IReadOnlyDictionary<string, string?> settings) : PracticeSuiteFactory(database, settings)
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero));

    public InMemoryAuditTrail Audit => _audit ??= new InMemoryAuditTrail(Clock);

    public RecordingAccounts Accounts { get; } = new();

    private InMemoryAuditTrail? _audit;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddTestAuthentication());
    }

    // ConfigureTestContainer is not applied with minimal hosting; a container callback on the deferred host
    // builder is, and it runs after the host's own, so these registrations win.
    protected override IHost CreateHost(IHostBuilder builder)
    {
        builder.ConfigureContainer<ContainerBuilder>(container =>
        {
            container.RegisterInstance(Clock).As<TimeProvider>();
            container.RegisterInstance(Audit).As<IAuditTrail>().As<IAuditTimeline>();
            container.RegisterInstance(Accounts).As<IAccounts>();
            container.RegisterType<TwoTherapists>().As<ITherapistDirectory>().SingleInstance();
        });
        return base.CreateHost(builder);
    }
}

/// <summary>One host and database per test class.</summary>
public class ClientsHost : IAsyncLifetime
{
    private TestDatabase? _database;
    private ClientsFactory? _factory;

    public ClientsFactory Factory => _factory ?? throw new InvalidOperationException("Not initialised.");

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        // The test modules are not needed here; only the module under test runs.
        ["Modules:Alpha:Enabled"] = "false",
        ["Modules:Beta:Enabled"] = "false",
        ["Modules:Clients:Enabled"] = "true",
        ["Clinic:TimeZone"] = "Europe/London",
    };

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _factory = new ClientsFactory(_database, Settings);
        _ = _factory.Server;
    }

    public HttpClient Manager() => Factory.CreateClient().As(PracticeRole.Manager, "user-manager");

    public HttpClient Therapist(Guid therapistId) => Factory.CreateClient().As(PracticeRole.Therapist, "user-" + therapistId, therapistId: therapistId);

    public HttpClient ClientUser(Guid clientId) => Factory.CreateClient().As(PracticeRole.Client, "user-" + clientId, clientId: clientId);

    public HttpClient Reception() => Factory.CreateClient().As(PracticeRole.Reception, "user-reception");

    public HttpClient Anonymous() => Factory.CreateClient();

    /// <summary>Creates the persona records through the module's <see cref="IPersonaRecords"/>.</summary>
    public async Task<IReadOnlyDictionary<string, string>> SeedPersonasAsync()
    {
        using var system = SystemPrincipal.Enter(); // as the platform seeds them
        await using var scope = Factory.Container.BeginLifetimeScope();
        var result = new Dictionary<string, string>();
        foreach (var records in scope.Resolve<IEnumerable<IPersonaRecords>>())
        {
            foreach (var (key, value) in await records.SeedAsync(People.Personas, CancellationToken.None))
            {
                result[key] = value;
            }
        }

        return result;
    }

    /// <summary>The Clients module's outbox, read through its DbContext (resolved by module name, not type).</summary>
    public async Task<IReadOnlyList<OutboxMessage>> OutboxAsync()
    {
        await using var scope = Factory.Container.BeginLifetimeScope();
        var db = scope.Resolve<IIndex<string, ModuleDbContext>>()["Clients"];
        return await db.Outbox.AsNoTracking().OrderBy(m => m.OccurredAt).ThenBy(m => m.Id).ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

public static class Api
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static int _counter;

    /// <summary>A valid registration body with a unique name and e-mail.</summary>
    public static Dictionary<string, object?> NewClient(string? givenName = null, string? familyName = null, string? email = null, string? phone = null, string dateOfBirth = "1980-05-17")
    {
        var n = Interlocked.Increment(ref _counter);
        return new Dictionary<string, object?>
        {
            ["givenName"] = givenName ?? $"Given{n}",
            ["familyName"] = familyName ?? $"Family{n}",
            ["dateOfBirth"] = dateOfBirth,
            ["email"] = email ?? $"person{n}.{Guid.NewGuid():N}@example.com",
            ["phone"] = phone ?? "+44 20 7946 0000",
            ["timeZone"] = "Europe/London",
            ["pressurePreference"] = "Medium",
        };
    }

    public static async Task<Guid> RegisterAsync(this HttpClient client, Dictionary<string, object?> body)
    {
        var response = await client.PostAsJsonAsync("/api/clients", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"register: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!["id"]!.GetValue<Guid>();
    }

    /// <summary>A complete intake with every screening question answered "no", except those named.</summary>
    public static Dictionary<string, object?> Intake(params (string Key, string[] Areas)[] yes) => new()
    {
        ["reasonForVisit"] = "Neck pain after long days at the desk",
        ["goals"] = "Neck pain at or below 3/10",
        ["conditions"] = new[] { "neck-pain", "tension-headaches" },
        ["screening"] = QuestionKeys.Select(key => new Dictionary<string, object?>
        {
            ["questionKey"] = key,
            ["answer"] = yes.Any(y => y.Key == key),
            ["bodyAreas"] = yes.FirstOrDefault(y => y.Key == key).Areas ?? [],
        }).ToArray(),
        ["medications"] = "None",
        ["surgeriesAndInjuries"] = new[] { new Dictionary<string, object?> { ["description"] = "Broken wrist", ["date"] = "2015-06-01" } },
        ["allergies"] = "Nut oils",
        ["previousMassage"] = true,
    };

    public static readonly string[] QuestionKeys =
    [
        "cancer-treatment", "clotting", "recent-surgery", "heart-condition", "pregnancy", "open-wound", "skin-infection",
        "recent-fracture", "varicose-veins", "acute-inflammation", "anticoagulants", "osteoporosis", "diabetes-sensation",
        "low-pain-threshold", "fever", "acute-illness", "intoxication",
    ];

    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    public static async Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string url, object body) =>
        await client.SendAsync(new HttpRequestMessage(method, url) { Content = JsonContent.Create(body, options: Json) });

    public static async Task EnsureSuccessAsync(this HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The field errors of a 400 validation problem.</summary>
    public static async Task<JsonObject> FieldErrorsAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.BadRequest, $"expected 400, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!["errors"]!.AsObject();
    }
}
