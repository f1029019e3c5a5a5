namespace PracticeSuite.SharedKernel.Domain;

/// <summary>Something with an identity that outlives changes to its attributes.</summary>
public abstract class Entity<TId> where TId : notnull
{
    public TId Id { get; protected set; } = default!;
}

/// <summary>Something that happened inside a module's domain; dispatched in the same transaction.</summary>
public interface IDomainEvent : MediatR.INotification;

/// <summary>
/// A consistency boundary. It collects domain events, which the unit of work publishes inside the
/// command's transaction after the changes are saved.
/// </summary>
public abstract class AggregateRoot<TId> : Entity<TId>, IHasDomainEvents where TId : notnull
{
    private readonly List<IDomainEvent> _domainEvents = [];

    public IReadOnlyCollection<IDomainEvent> DomainEvents => _domainEvents;

    protected void Raise(IDomainEvent domainEvent) => _domainEvents.Add(domainEvent);

    public IReadOnlyList<IDomainEvent> TakeDomainEvents()
    {
        var taken = _domainEvents.ToList();
        _domainEvents.Clear();
        return taken;
    }
}

/// <summary>Lets the unit of work collect events without knowing an aggregate's id type.</summary>
public interface IHasDomainEvents
{
    IReadOnlyList<IDomainEvent> TakeDomainEvents();
}
