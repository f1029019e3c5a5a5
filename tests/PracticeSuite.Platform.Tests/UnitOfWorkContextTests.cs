using Autofac;
using PracticeSuite.SharedKernel.Hosting.Persistence;
using Xunit;

namespace PracticeSuite.Platform.Tests;

/// <summary>Work that must wait for a command's commit (waking e-mail delivery) runs after it, and never after a rollback.</summary>
[Trait("Category", "Persistence")]
public sealed class UnitOfWorkContextTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task After_commit_work_waits_for_the_commit_and_is_dropped_on_rollback()
    {
        await using var scope = host.Factory.Container.BeginLifetimeScope();
        var unitOfWork = scope.Resolve<UnitOfWorkContext>();
        var db = scope.ResolveKeyed<ModuleDbContext>("Alpha");
        var ran = new List<string>();

        unitOfWork.AfterCommit(() => ran.Add("no transaction"));
        Assert.Equal(["no transaction"], ran);

        await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
        {
            using (unitOfWork.Begin(db))
            {
                unitOfWork.AfterCommit(() => ran.Add("committed"));
                Assert.DoesNotContain("committed", ran);
                await transaction.CommitAsync(Ct);
                unitOfWork.Committed();
            }
        }

        Assert.Equal(["no transaction", "committed"], ran);

        await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
        {
            using (unitOfWork.Begin(db))
            {
                unitOfWork.AfterCommit(() => ran.Add("rolled back"));
                await transaction.RollbackAsync(Ct);
            }
        }

        unitOfWork.Committed(); // a later commit must not run what the rolled-back one queued
        Assert.Equal(["no transaction", "committed"], ran);
    }
}
