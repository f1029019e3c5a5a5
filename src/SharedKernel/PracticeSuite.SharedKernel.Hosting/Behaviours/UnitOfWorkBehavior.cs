using Autofac.Features.Indexed;
using Microsoft.EntityFrameworkCore;
using MediatR;
using PracticeSuite.SharedKernel.Hosting.Messaging;
using PracticeSuite.SharedKernel.Hosting.Modules;
using PracticeSuite.SharedKernel.Hosting.Persistence;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.SharedKernel.Hosting.Behaviours;

/// <summary>
/// Runs a command in one transaction of the module it belongs to: the handler's changes, the changes of the
/// domain-event handlers it triggers and the integration events it publishes commit together or not at all.
/// Queries pass through.
/// </summary>
public sealed class UnitOfWorkBehavior<TRequest, TResponse>(
    IIndex<string, ModuleDbContext> moduleContexts, IMediator mediator, IEnumerable<IOutboxSignal> outboxSignals, UnitOfWorkContext unitOfWork)
    : IPipelineBehavior<TRequest, TResponse>
{
    // Resolved once per closed type: is it a command, and which module's database does it change?
    private static readonly string? CommandModule = typeof(TRequest).GetInterfaces()
        .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>))
        ? ModuleNames.ModuleOf(typeof(TRequest).Assembly)
        : null;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (CommandModule is null || !moduleContexts.TryGetValue(CommandModule, out var db))
        {
            return await next();
        }

        if (db.Database.CurrentTransaction is not null)
        {
            // A command sent from inside another unit of work of the same module joins its transaction.
            return await next();
        }

        var response = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            using var current = unitOfWork.Begin(db);
            var result = await next();
            await DomainEventDispatch.SaveAndDispatchAsync(db, mediator, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            unitOfWork.Committed();
            return result;
        });

        if (db.ChangeTracker.Entries<OutboxMessage>().Any())
        {
            foreach (var signal in outboxSignals)
            {
                signal.OutboxCommitted(db.ModuleName);
            }
        }

        return response;
    }
}
