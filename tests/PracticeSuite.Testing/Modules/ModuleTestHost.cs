using Autofac;
using Autofac.Features.Indexed;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using PracticeSuite.SharedKernel.Hosting.Messaging;
using PracticeSuite.SharedKernel.Hosting.Persistence;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Identity;
using Xunit;

namespace PracticeSuite.Testing;

/// <summary>
/// The host with one module under test, test sign-in, a settable clock and in-memory platform services
/// (<see cref="InMemoryAuditTrail"/>, <see cref="RecordingAccounts"/>, <see cref="TwoTherapistAccounts"/>; with
/// <paramref name="recordEmail"/>, <see cref="RecordingEmailSender"/> instead of the platform's e-mail queue).
/// </summary>
public sealed class ModuleFactory(TestDatabase database, IReadOnlyDictionary<string, string?> settings, bool recordEmail = false) : PracticeSuiteFactory(database, settings)
{
    private InMemoryAuditTrail? _audit;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero));

    public InMemoryAuditTrail Audit => _audit ??= new InMemoryAuditTrail(Clock);

    public RecordingAccounts Accounts { get; } = new();

    public RecordingEmailSender Emails { get; } = new();

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
            container.RegisterInstance(Audit).As<IAuditTimeline>();
            container.Register(c => Audit.For(c.Resolve<ICurrentUser>())).As<IAuditTrail>().InstancePerLifetimeScope();
            container.RegisterInstance(Accounts).As<IAccounts>();
            container.RegisterType<TwoTherapistAccounts>().As<ITherapistAccounts>().SingleInstance();
            if (recordEmail)
            {
                container.RegisterInstance(Emails).As<IEmailSender>();
            }
        });
        return base.CreateHost(builder);
    }
}

/// <summary>
/// One host and database per test class for the module named <paramref name="moduleName"/>, with the test modules
/// off: a module's test host is <c>public sealed class SchedulingHost() : ModuleTestHost("Scheduling");</c>, overriding
/// <see cref="Settings"/> to enable the modules it requires.
/// </summary>
public abstract class ModuleTestHost(string moduleName) : IAsyncLifetime
{
    private TestDatabase? _database;
    private ModuleFactory? _factory;

    public string ModuleName { get; } = moduleName;

    public ModuleFactory Factory => _factory ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>
    /// Whether queued e-mail is kept in <see cref="ModuleFactory.Emails"/> instead of the platform's e-mail log (hosts
    /// whose tests read the log or the mail folder keep the real queue).
    /// </summary>
    protected virtual bool RecordsEmail => false;

    protected virtual IReadOnlyDictionary<string, string?> Settings =>
        PracticeSuiteFactory.TestModules.ToDictionary(m => m.Key, _ => (string?)"false")
            .Concat(new Dictionary<string, string?>
            {
                [$"Modules:{ModuleName}:Enabled"] = "true",
                ["Clinic:TimeZone"] = "Europe/London",
            })
            .ToDictionary(s => s.Key, s => s.Value);

    public virtual async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _factory = new ModuleFactory(_database, Settings, RecordsEmail);
        _ = _factory.Server;
    }

    public HttpClient Manager() => Factory.CreateClient().As(PracticeRole.Manager, "user-manager");

    public HttpClient Therapist(Guid therapistId) => Factory.CreateClient().As(PracticeRole.Therapist, "user-" + therapistId, therapistId: therapistId);

    public HttpClient ClientUser(Guid clientId) => Factory.CreateClient().As(PracticeRole.Client, "user-" + clientId, clientId: clientId);

    public HttpClient Reception() => Factory.CreateClient().As(PracticeRole.Reception, "user-reception");

    public HttpClient Anonymous() => Factory.CreateClient();

    /// <summary>Creates the persona records through every module's <see cref="IPersonaRecords"/>, as the platform seeds them.</summary>
    public async Task<IReadOnlyDictionary<string, string>> SeedPersonasAsync()
    {
        using var system = SystemPrincipal.Enter();
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

    /// <summary>Relays every module's outbox and runs the inboxes until nothing is left, as the host's jobs would.</summary>
    public async Task DeliverMessagesAsync()
    {
        using var system = SystemPrincipal.Enter();
        await Factory.Container.Resolve<PracticeSuite.Platform.Messaging.MessagePump>().RunUntilIdleAsync(CancellationToken.None);
    }

    /// <summary>The module's outbox, read through its DbContext (resolved by module name, not type).</summary>
    public async Task<IReadOnlyList<OutboxMessage>> OutboxAsync()
    {
        await using var scope = Factory.Container.BeginLifetimeScope();
        var db = scope.Resolve<IIndex<string, ModuleDbContext>>()[ModuleName];
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
