using Microsoft.Extensions.Time.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Autofac;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeSuite.Platform.Messaging;
using PracticeSuite.SharedKernel.Hosting.Diagnostics;
using PracticeSuite.SharedKernel.Hosting.Messaging;
using PracticeSuite.SharedKernel.Hosting.Persistence;
using PracticeSuite.Testing;
using Xunit;

namespace PracticeSuite.Platform.Tests;

/// <summary>The host with the worker off and a hand-moved clock: tests drive relay and inbox with the pump.</summary>
public sealed class PumpedHostFixture : HostFixture
{
    public static readonly DateTime Start = new(2026, 11, 22, 9, 0, 0, DateTimeKind.Utc);

    public FakeTimeProvider Clock { get; } = new(Start);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Messaging:WakeOnCommit"] = "false",
        ["Messaging:SweepInterval"] = "01:00:00",
        ["Messaging:MaxAttempts"] = "5",
        ["Messaging:FirstRetryDelay"] = "00:00:05",
    };

    protected override Action<IServiceCollection> Overrides => services => services.AddSingleton<TimeProvider>(Clock);
}

/// <summary>Outbox → relay → inbox → handler, exactly once per subscriber, with retries, parking and bad messages.</summary>
[Trait("Category", "Persistence")]
public sealed class MessagingTests(PumpedHostFixture host) : IClassFixture<PumpedHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private MessagePump Pump => host.Factory.Container.Resolve<MessagePump>();

    [Fact]
    public async Task A_committed_event_is_relayed_and_handled_once_even_when_relayed_twice()
    {
        var visitId = await RecordVisitAsync("Ada");
        Assert.Equal(1, await CountAsync("Alpha", db => db.Outbox.CountAsync(m => m.RelayedAt == null && m.Payload.Contains(visitId.ToString()), Ct)));

        await Pump.RunUntilIdleAsync(Ct);
        Assert.Equal(1, await ReceiptCountAsync(visitId));

        // A relay repeated after a crash between its inserts and its commit: the inbox key drops the copy.
        await WithModuleDbAsync("Alpha", db => db.Outbox.Where(m => m.Payload.Contains(visitId.ToString()))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.RelayedAt, (DateTime?)null), Ct));
        await Pump.RunUntilIdleAsync(Ct);

        Assert.Equal(1, await CountAsync("Gamma", db => db.Inbox.CountAsync(m => m.Payload.Contains(visitId.ToString()), Ct)));
        Assert.Equal(1, await ReceiptCountAsync(visitId));
    }

    [Fact]
    public async Task The_trace_of_the_command_travels_with_its_event_to_the_handler()
    {
        const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/alpha/visits") { Content = JsonContent.Create(new { visitorName = "Corra", fee = 1m, currency = "EUR" }) };
        request.Headers.Add("traceparent", $"00-{TraceId}-00f067aa0ba902b7-01");
        var response = await host.Factory.CreateClient().SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        await Pump.RunUntilIdleAsync(Ct);
        var received = await WithModuleDbAsync("Gamma", db => db.Inbox.SingleAsync(m => m.Payload.Contains("Corra"), Ct));
        Assert.Equal(TraceId, TraceContext.TraceIdOf(received.CorrelationId));
        Assert.NotNull(received.ProcessedAt);
        // The handler ran in the request's trace: the inbox's log lines for it carry the trace id.
        Assert.Contains(host.Factory.Logs.Entries, e =>
            e.Category.EndsWith("VisitReceiptHandler", StringComparison.Ordinal) && Equals(e.Scope.GetValueOrDefault("TraceId"), TraceId));
    }

    [Fact]
    public async Task A_command_that_rolls_back_publishes_nothing()
    {
        for (var i = 0; i < 3; i++)
        {
            await RecordVisitAsync("Rollo");
        }

        var refused = await host.Factory.CreateClient().PostAsJsonAsync("/api/alpha/visits", new { visitorName = "Rollo", fee = 1m, currency = "EUR" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(3, await CountAsync("Alpha", db => db.Outbox.CountAsync(m => m.Payload.Contains("\"Rollo\""), Ct)));
    }

    [Fact]
    public async Task A_handler_that_fails_three_times_then_succeeds_commits_its_effect_once()
    {
        var visitId = await RecordVisitAsync("flaky-Fay");
        var delays = new[] { 5, 10, 20 };
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await Pump.RunUntilIdleAsync(Ct);
            var message = await InboxMessageAsync(visitId);
            Assert.Equal(attempt, message.Attempts);
            Assert.Null(message.ProcessedAt);
            Assert.Null(message.ParkedAt);
            Assert.Contains("Flaky failure", message.LastError);
            Assert.Equal(host.Clock.GetUtcNow().UtcDateTime.AddSeconds(delays[attempt - 1]), message.NextAttemptAt);

            // Not due yet: another pass leaves it alone.
            await Pump.RunUntilIdleAsync(Ct);
            Assert.Equal(attempt, (await InboxMessageAsync(visitId)).Attempts);
            host.Clock.Advance(TimeSpan.FromSeconds(delays[attempt - 1]));
        }

        await Pump.RunUntilIdleAsync(Ct);
        Assert.NotNull((await InboxMessageAsync(visitId)).ProcessedAt);
        Assert.Equal(1, await ReceiptCountAsync(visitId));
    }

    [Fact]
    public async Task A_handler_that_always_fails_is_parked_and_retried_by_hand_after_the_fix()
    {
        var visitId = await RecordVisitAsync("broken-Bo");
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await Pump.RunUntilIdleAsync(Ct);
            host.Clock.Advance(TimeSpan.FromMinutes(20));
        }

        var parked = await host.Factory.Container.Resolve<ParkedMessages>().ListAsync(Ct);
        var messageId = (await InboxMessageAsync(visitId)).MessageId;
        var entry = Assert.Single(parked, p => p.MessageId == messageId);
        Assert.Equal("Gamma", entry.Module);
        Assert.Equal(5, entry.Attempts);
        Assert.Contains("cannot take broken visitors", entry.LastError);
        Assert.Equal(0, await ReceiptCountAsync(visitId));

        // Parked means parked: passes and time do not touch it.
        host.Clock.Advance(TimeSpan.FromHours(2));
        await Pump.RunUntilIdleAsync(Ct);
        Assert.Equal(0, await ReceiptCountAsync(visitId));

        (await host.Factory.CreateClient().PostAsync("/api/gamma/repair", null, Ct)).EnsureSuccessStatusCode();
        await host.Factory.Container.Resolve<ParkedMessages>().RetryAsync("Gamma", entry.MessageId, Ct);
        await Pump.RunUntilIdleAsync(Ct);

        Assert.Equal(1, await ReceiptCountAsync(visitId));
        Assert.DoesNotContain(await host.Factory.Container.Resolve<ParkedMessages>().ListAsync(Ct), p => p.MessageId == entry.MessageId);
    }

    [Fact]
    public async Task Unknown_types_and_unreadable_payloads_are_parked_with_a_reason_without_blocking_later_messages()
    {
        var unknownId = Guid.CreateVersion7(DateTimeOffset.UtcNow.AddMinutes(-2));
        var unreadableId = Guid.CreateVersion7(DateTimeOffset.UtcNow.AddMinutes(-1));
        await WithModuleDbAsync("Gamma", async db =>
        {
            db.Inbox.Add(BadMessage(unknownId, "alpha.visit-renamed.v9", "{}"));
            db.Inbox.Add(BadMessage(unreadableId, "alpha.visit-recorded.v1", "{\"visitId\": \"not-a-guid\""));
            return await db.SaveChangesAsync(Ct);
        });
        var goodVisit = await RecordVisitAsync("Gus");

        await Pump.RunUntilIdleAsync(Ct);

        Assert.Equal(1, await ReceiptCountAsync(goodVisit));
        var unknown = await WithModuleDbAsync("Gamma", db => db.Inbox.SingleAsync(m => m.MessageId == unknownId, Ct));
        Assert.NotNull(unknown.ParkedAt);
        Assert.StartsWith("Unknown event type 'alpha.visit-renamed.v9'", unknown.LastError);
        var unreadable = await WithModuleDbAsync("Gamma", db => db.Inbox.SingleAsync(m => m.MessageId == unreadableId, Ct));
        Assert.NotNull(unreadable.ParkedAt);
        Assert.Contains("no longer deserialises", unreadable.LastError);
        Assert.Equal(1, unreadable.Attempts);
    }

    [Fact]
    public async Task The_purge_deletes_old_handled_messages_and_keeps_parked_and_recent_ones()
    {
        var oldVisit = await RecordVisitAsync("Olga");
        await Pump.RunUntilIdleAsync(Ct);
        var parkedId = Guid.CreateVersion7();
        await WithModuleDbAsync("Gamma", async db =>
        {
            db.Inbox.Add(BadMessage(parkedId, "alpha.visit-renamed.v9", "{}"));
            return await db.SaveChangesAsync(Ct);
        });
        await Pump.RunUntilIdleAsync(Ct);

        host.Clock.Advance(TimeSpan.FromDays(15));
        var recentVisit = await RecordVisitAsync("Rita");
        await Pump.RunUntilIdleAsync(Ct);
        await using (var scope = host.Factory.Container.BeginLifetimeScope())
        {
            await scope.Resolve<MediatR.IMediator>().Send(new PurgeMessages(), Ct);
        }

        Assert.Equal(0, await CountAsync("Alpha", db => db.Outbox.CountAsync(m => m.Payload.Contains(oldVisit.ToString()), Ct)));
        Assert.Equal(0, await CountAsync("Gamma", db => db.Inbox.CountAsync(m => m.Payload.Contains(oldVisit.ToString()), Ct)));
        Assert.Equal(1, await CountAsync("Gamma", db => db.Inbox.CountAsync(m => m.MessageId == parkedId, Ct)));
        Assert.Equal(1, await CountAsync("Gamma", db => db.Inbox.CountAsync(m => m.Payload.Contains(recentVisit.ToString()), Ct)));
        Assert.Equal(1, await ReceiptCountAsync(oldVisit)); // the effect stays; only the message is gone
    }

    private InboxMessage BadMessage(Guid id, string type, string payload) => new()
    {
        MessageId = id,
        Type = type,
        Payload = payload,
        CorrelationId = "bad-input",
        OccurredAt = host.Clock.GetUtcNow().UtcDateTime,
        ReceivedAt = host.Clock.GetUtcNow().UtcDateTime,
        NextAttemptAt = host.Clock.GetUtcNow().UtcDateTime,
    };

    private async Task<Guid> RecordVisitAsync(string name)
    {
        var response = await host.Factory.CreateClient().PostAsJsonAsync("/api/alpha/visits", new { visitorName = name, fee = 12.5m, currency = "EUR" }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
    }

    private async Task<int> ReceiptCountAsync(Guid visitId)
    {
        var received = await host.Factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/gamma/received", Ct);
        return received.EnumerateArray().Where(r => r.GetProperty("visitId").GetGuid() == visitId).Sum(r => r.GetProperty("count").GetInt32());
    }

    private Task<InboxMessage> InboxMessageAsync(Guid visitId) =>
        WithModuleDbAsync("Gamma", db => db.Inbox.AsNoTracking().SingleAsync(m => m.Payload.Contains(visitId.ToString()), Ct));

    private Task<int> CountAsync(string module, Func<ModuleDbContext, Task<int>> count) => WithModuleDbAsync(module, count);

    private async Task<T> WithModuleDbAsync<T>(string module, Func<ModuleDbContext, Task<T>> work)
    {
        await using var scope = host.Factory.Container.BeginLifetimeScope();
        return await work(scope.ResolveKeyed<ModuleDbContext>(module));
    }
}
