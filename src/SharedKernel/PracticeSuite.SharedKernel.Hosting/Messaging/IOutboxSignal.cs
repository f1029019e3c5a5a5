namespace PracticeSuite.SharedKernel.Hosting.Messaging;

/// <summary>Told after a transaction that wrote outbox messages commits, so the relay can run at once.</summary>
public interface IOutboxSignal
{
    void OutboxCommitted(string module);
}
