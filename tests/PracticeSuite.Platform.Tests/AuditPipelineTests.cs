using Autofac;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.Platform.Audit;
using PracticeSuite.SharedKernel.Hosting.Behaviours;
using PracticeSuite.SharedKernel.Hosting.Persistence;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Messaging;
using Xunit;

namespace PracticeSuite.Platform.Tests;

/// <summary>The audit behaviour's rules, with the trail replaced by a list: what is written, and how often.</summary>
public sealed class AuditBehaviorTests
{
    private static readonly AuditAction Viewed = new("test.viewed", AuditKind.Read, "Viewed");
    private static readonly AuditAction Changed = new("test.changed", AuditKind.Change, "Changed");
    private static readonly Guid ClientA = Guid.Parse("aaaaaaaa-0000-0000-0000-000000000001");
    private static readonly Guid ClientB = Guid.Parse("bbbbbbbb-0000-0000-0000-000000000002");

    private sealed record Probe(AuditAction Action, Guid? ClientId, string RecordId = "r1") : IRequest<string?>, IAuditedRequest<string?>
    {
        public AuditSubject? DescribeAudit(string? response) => response is null ? null : new(Action, "Probe", RecordId, ClientId);
    }

    private sealed record Unaudited : IRequest<string?>;

    private sealed class ListTrail : IAuditTrail
    {
        public List<AuditSubject> Written { get; } = [];

        public Task RecordAsync(AuditSubject subject, CancellationToken cancellationToken)
        {
            Written.Add(subject);
            return Task.CompletedTask;
        }
    }

    private static Task<string?> SendAsync<TRequest>(ListTrail trail, AuditedInThisScope scope, TRequest request, string? response = "found")
        where TRequest : IRequest<string?> =>
        new AuditBehavior<TRequest, string?>(trail, scope).Handle(request, CancellationToken.None, () => Task.FromResult(response));

    [Fact]
    public async Task A_client_read_twice_in_one_request_is_written_once_and_another_clients_read_too()
    {
        var trail = new ListTrail();
        var scope = new AuditedInThisScope();

        await SendAsync(trail, scope, new Probe(Viewed, ClientA));
        await SendAsync(trail, scope, new Probe(Viewed with { Code = "test.flags" }, ClientA, "r2"));
        await SendAsync(trail, scope, new Probe(Viewed, ClientB));

        Assert.Equal([("test.viewed", ClientA), ("test.viewed", ClientB)], trail.Written.Select(w => (w.Action.Code, w.ClientId!.Value)));
    }

    [Fact]
    public async Task Every_change_is_written_even_to_a_client_already_read()
    {
        var trail = new ListTrail();
        var scope = new AuditedInThisScope();

        await SendAsync(trail, scope, new Probe(Viewed, ClientA));
        await SendAsync(trail, scope, new Probe(Changed, ClientA));
        await SendAsync(trail, scope, new Probe(Changed, ClientA));

        Assert.Equal(["test.viewed", "test.changed", "test.changed"], trail.Written.Select(w => w.Action.Code));
    }

    [Fact]
    public async Task Records_outside_any_client_are_told_apart_by_type_and_id()
    {
        var trail = new ListTrail();
        var scope = new AuditedInThisScope();

        await SendAsync(trail, scope, new Probe(Viewed, null, "r1"));
        await SendAsync(trail, scope, new Probe(Viewed, null, "r1"));
        await SendAsync(trail, scope, new Probe(Viewed, null, "r2"));

        Assert.Equal(["r1", "r2"], trail.Written.Select(w => w.RecordId));
    }

    [Fact]
    public async Task Nothing_found_unaudited_or_failed_writes_nothing()
    {
        var trail = new ListTrail();
        var scope = new AuditedInThisScope();

        await SendAsync(trail, scope, new Probe(Viewed, ClientA), response: null);
        await SendAsync(trail, scope, new Unaudited());
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new AuditBehavior<Probe, string?>(trail, scope).Handle(new Probe(Changed, ClientA), CancellationToken.None, () => throw new InvalidOperationException("refused")));

        Assert.Empty(trail.Written);
    }
}

/// <summary>The platform's store of read entries, against the real database.</summary>
[Trait("Category", "Persistence")]
public sealed class AuditWriterTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Concurrent_reads_are_stored_together_and_each_caller_returns_only_once_its_entry_is_committed()
    {
        var writer = host.Factory.Container.Resolve<AuditWriter>();
        var transactionsBefore = writer.Transactions;
        var ids = Enumerable.Range(0, 64).Select(_ => Guid.NewGuid()).ToList();

        var writes = ids.Select(id => writer.WriteAsync(new AuditRecord
        {
            Id = id, OccurredAt = new DateTime(2026, 12, 2, 9, 0, 0, DateTimeKind.Utc), Action = "test.viewed", Kind = AuditKind.Read,
            RecordType = "Probe", RecordId = id.ToString(),
        }));
        await Task.WhenAll(writes);

        var stored = await host.Factory.InScopeAsync(scope => scope.Resolve<AccountsDbContext>().AuditRecords.CountAsync(r => ids.Contains(r.Id)));
        Assert.Equal(64, stored);
        Assert.InRange(writer.Transactions - transactionsBefore, 1, 8); // group commit: far fewer transactions than entries
    }

    [Fact]
    public async Task A_read_is_not_answered_while_its_entry_cannot_be_committed()
    {
        var database = host.Factory.Container.Resolve<PracticeDatabase>();
        var table = new ModuleTableNaming(AccountsDbContext.ModuleName, database.Provider).QualifiedTable("audit_entries");
        var subject = new AuditSubject(new AuditAction("test.viewed", AuditKind.Read, "Viewed"), "Probe", Guid.NewGuid().ToString(), null);

        // Another connection holds the write lock, so the entry cannot be stored yet.
        await using var blocker = database.CreateConnection();
        await blocker.OpenAsync(TestContext.Current.CancellationToken);
        await using var locking = blocker.CreateCommand();
        locking.CommandText = database.Provider == DatabaseProvider.Postgres ? $"BEGIN; LOCK TABLE {table} IN EXCLUSIVE MODE;" : "BEGIN IMMEDIATE;";
        await locking.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);

        await using var scope = host.Factory.Container.BeginLifetimeScope();
        var read = scope.Resolve<IAuditTrail>().RecordAsync(subject, TestContext.Current.CancellationToken);
        await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);
        Assert.False(read.IsCompleted, "the read went on before its audit entry was committed");

        await using var release = blocker.CreateCommand();
        release.CommandText = "COMMIT;";
        await release.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        await read.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        var stored = await host.Factory.InScopeAsync(s => s.Resolve<AccountsDbContext>().AuditRecords.CountAsync(r => r.RecordId == subject.RecordId));
        Assert.Equal(1, stored);
    }
}
