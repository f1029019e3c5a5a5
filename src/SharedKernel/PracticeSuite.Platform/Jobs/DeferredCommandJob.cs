using System.Text.Json;
using Autofac.Features.Indexed;
using Hangfire;
using Hangfire.Server;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.SharedKernel.Hosting.Diagnostics;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Hosting.Messaging;
using PracticeSuite.SharedKernel.Hosting.Persistence;

namespace PracticeSuite.Platform.Jobs;

/// <summary>
/// Runs a command a module asked for later (<see cref="ModuleDbContext.RunLater"/>), handed over by the outbox relay.
/// The outbox message's id goes into the module's inbox, as already processed, in the command's own transaction: a
/// job handed over twice (the relay crashed before marking the message relayed) runs the command once, and a run that
/// fails leaves no mark, so Hangfire's retry runs it again.
/// </summary>
[AutomaticRetry(Attempts = CommandJob.Attempts)]
internal sealed class DeferredCommandJob(IMediator mediator, IIndex<string, ModuleDbContext> moduleContexts, TimeProvider time)
{
    /// <summary>The first two arguments name the job on the dashboard.</summary>
    [JobDisplayName("{0}: {1}")]
    public async Task RunAsync(string module, string commandName, Guid messageId, string outboxType, string payload, string correlationId, PerformContext? context, CancellationToken cancellationToken)
    {
        if (!moduleContexts.TryGetValue(module, out var db))
        {
            throw new InvalidOperationException($"Module {module} is not loaded, so its {commandName} cannot run.");
        }

        if (await HasRunAsync(db, messageId, cancellationToken))
        {
            return;
        }

        var commandType = Type.GetType(DeferredCommands.CommandTypeName(outboxType), throwOnError: false)
            ?? throw new InvalidOperationException($"The command type '{outboxType}' is not loaded.");
        var command = JsonSerializer.Deserialize(payload, commandType, IntegrationEventNames.Json) as IRequest<Unit>
            ?? throw new InvalidOperationException($"The payload of {commandName} does not read as a command.");

        var now = time.GetUtcNow().UtcDateTime;
        // Saved by the command's unit of work, with the command's own changes.
        db.Inbox.Add(new InboxMessage
        {
            MessageId = messageId,
            Type = outboxType,
            Payload = "",
            CorrelationId = correlationId,
            OccurredAt = now,
            ReceivedAt = now,
            NextAttemptAt = now,
            ProcessedAt = now,
        });
        using var trace = TraceContext.Continue($"job {commandName}", correlationId); // the trace of the change that asked for it
        using var system = SystemPrincipal.Enter();
        try
        {
            await mediator.Send(command, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same hand-over ran at the same time on another worker and committed first: done, not failed.
            if (!await HasRunAsync(db, messageId, CancellationToken.None))
            {
                throw;
            }
        }
    }

    private static Task<bool> HasRunAsync(ModuleDbContext db, Guid messageId, CancellationToken cancellationToken) =>
        db.Inbox.AsNoTracking().AnyAsync(m => m.MessageId == messageId, cancellationToken);
}
