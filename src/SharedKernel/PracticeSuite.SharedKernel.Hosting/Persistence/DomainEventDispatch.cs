using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.SharedKernel.Domain;

namespace PracticeSuite.SharedKernel.Hosting.Persistence;

/// <summary>
/// Saves a unit of work and publishes the domain events its aggregates raised, inside the caller's
/// transaction, until no handler raises more.
/// </summary>
public static class DomainEventDispatch
{
    private const int MaxRounds = 10;

    public static async Task SaveAndDispatchAsync(DbContext db, IMediator mediator, CancellationToken cancellationToken)
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

            if (round == MaxRounds)
            {
                throw new InvalidOperationException($"Domain events kept raising further events after {MaxRounds} rounds.");
            }

            foreach (var domainEvent in domainEvents)
            {
                await mediator.Publish(domainEvent, cancellationToken);
            }
        }
    }
}
