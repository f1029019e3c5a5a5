using Microsoft.EntityFrameworkCore;
using System.Text.Json;
using PracticeSuite.SharedKernel.Hosting.Diagnostics;
using PracticeSuite.SharedKernel.Hosting.Messaging;
using PracticeSuite.SharedKernel.Hosting.Modules;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.SharedKernel.Hosting.Persistence;

/// <summary>
/// The base of every module's DbContext. It places the module's tables in its schema or behind its
/// prefix, and stores every DateTime as UTC.
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options, string moduleName) : DbContext(options)
{
    public string ModuleName { get; } = moduleName;

    /// <summary>The clock outbox rows are stamped with: the host's <see cref="TimeProvider"/>, set when the container creates the context.</summary>
    internal TimeProvider Time { get; set; } = TimeProvider.System;

    public ModuleTableNaming Naming => ModuleTableNaming.For(ModuleName, Database.ProviderName);

    /// <summary>The module's published integration events not yet relayed (and the relayed ones, until cleaned up).</summary>
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    /// <summary>Integration events the module received from others.</summary>
    public DbSet<InboxMessage> Inbox => Set<InboxMessage>();

    /// <summary>
    /// Publishes an integration event: it is written to this module's outbox by the same SaveChanges, so it
    /// exists if and only if the change that raised it commits.
    /// </summary>
    public void EnqueueIntegrationEvent(IIntegrationEvent integrationEvent)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        Outbox.Add(new OutboxMessage
        {
            Id = Guid.CreateVersion7(),
            Type = IntegrationEventNames.Of(integrationEvent.GetType()),
            Payload = JsonSerializer.Serialize(integrationEvent, integrationEvent.GetType(), IntegrationEventNames.Json),
            CorrelationId = TraceContext.TraceParent,
            OccurredAt = Time.GetUtcNow().UtcDateTime,
        });
    }

    /// <summary>
    /// Asks for <paramref name="command"/> (one of this module's) to run later as a background job: it is written to
    /// this module's outbox by the same SaveChanges, and the relay hands it to the job engine once the change has
    /// committed — so work asked for by a change that rolls back never runs, and a crash after the commit does not
    /// lose it. The job may be handed over twice (a crash between hand-over and the relay's commit); it runs once.
    /// </summary>
    public void RunLater(ICommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var type = command.GetType();
        if (!string.Equals(ModuleNames.ModuleOf(type.Assembly), ModuleName, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"{type.Name} is not a command of module {ModuleName}: a module runs only its own commands later (another module's work is asked for with an integration event).");
        }

        Outbox.Add(new OutboxMessage
        {
            Id = Guid.CreateVersion7(),
            Type = DeferredCommands.TypeOf(type),
            Payload = JsonSerializer.Serialize(command, type, IntegrationEventNames.Json),
            CorrelationId = TraceContext.TraceParent,
            OccurredAt = Time.GetUtcNow().UtcDateTime,
        });
    }

    protected sealed override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ConfigureModel(modelBuilder);
        MessagingModel.Configure(modelBuilder);

        ModuleModelConventions.PlaceTables(modelBuilder, Naming);
    }

    /// <summary>The module's model. Give each entity its module-local table name (<c>ToTable("visits")</c>).</summary>
    protected abstract void ConfigureModel(ModelBuilder modelBuilder);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        ModuleModelConventions.StoreDateTimesAsUtc(configurationBuilder);
}
