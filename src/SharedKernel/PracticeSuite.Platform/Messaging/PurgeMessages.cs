using Autofac;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PracticeSuite.Platform.Modules;
using PracticeSuite.SharedKernel.Hosting.Persistence;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Platform.Messaging;

/// <summary>
/// Deletes outbox messages relayed, and inbox messages processed, longer ago than <c>Messaging:Retention</c>.
/// Parked and pending messages are never touched. An inbox row outlives its outbox row (both age from
/// the relay), so a relayed event can never be relayed again into an inbox that forgot it.
/// </summary>
internal sealed record PurgeMessages : ICommand;

internal sealed class PurgeMessagesHandler(ILifetimeScope root, ModuleCatalog modules, TimeProvider time, IOptions<MessagingOptions> options)
    : IRequestHandler<PurgeMessages, Unit>
{
    public async Task<Unit> Handle(PurgeMessages request, CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().UtcDateTime - options.Value.Retention;
        foreach (var module in modules.Modules.Where(m => m.DbContextTypes.Count > 0))
        {
            await using var scope = root.BeginLifetimeScope();
            var db = scope.ResolveKeyed<ModuleDbContext>(module.Name);
            await db.Outbox.Where(m => m.RelayedAt != null && m.RelayedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
            await db.Inbox.Where(m => m.ProcessedAt != null && m.ProcessedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        }

        return Unit.Value;
    }
}
