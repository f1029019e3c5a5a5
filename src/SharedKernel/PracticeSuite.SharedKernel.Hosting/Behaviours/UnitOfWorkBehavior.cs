using Autofac.Features.Indexed;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.SharedKernel.Domain;
using PracticeSuite.SharedKernel.Hosting.Modules;
using PracticeSuite.SharedKernel.Hosting.Persistence;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.SharedKernel.Hosting.Behaviours;

/// <summary>
/// Runs a command in one transaction of the module it belongs to: the handler's changes, and the
/// changes of the domain-event handlers it triggers, commit together or not at all. Queries pass through.
/// </summary>
public sealed class UnitOfWorkBehavior<TRequest, TResponse>(IIndex<string, ModuleDbContext> moduleContexts, IMediator mediator)
    : IPipelineBehavior<TRequest, TResponse>
{
    // Resolved once per closed type: is it a command, and which module's database does it change?
    private static readonly string? CommandModule = typeof(TRequest).GetInterfaces()
        .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>))
        ? ModuleNames.ModuleOf(typeof(TRequest).Assembly)
        : null;

    private const int MaxDomainEventRounds = 10;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (CommandModule is null || !moduleContexts.TryGetValue(CommandModule, out var db))
        {
            return await next();
        }

        if (db.Database.CurrentTransaction is not null)
        {
            // A command sent from inside another command of the same module joins its transaction.
            return await next();
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var response = await next();
            await SaveAndDispatchDomainEventsAsync(db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return response;
        });
    }

    private async Task SaveAndDispatchDomainEventsAsync(DbContext db, CancellationToken cancellationToken)
    {
        for (var round = 0; ; round++)
        {
            await db.SaveChangesAsync(cancellationToken);
            var domainEvents = db.ChangeTracker.Entries<IHasDomainEvents>()
                .SelectMany(entry => entry.Entity.TakeDomainEvents())
                .ToList();
            if (domainEvents.Count == 0)
            {
                return;
            }

            if (round == MaxDomainEventRounds)
            {
                throw new InvalidOperationException($"Domain events kept raising further events after {MaxDomainEventRounds} rounds.");
            }

            foreach (var domainEvent in domainEvents)
            {
                await mediator.Publish(domainEvent, cancellationToken);
            }
        }
    }
}
