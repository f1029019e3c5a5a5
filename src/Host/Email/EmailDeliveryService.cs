using Autofac;
using MediatR;
using Microsoft.Extensions.Options;

namespace PracticeSuite.Host.Email;

/// <summary>
/// Runs <see cref="DeliverQueuedEmails"/> every <c>Email:DeliveryInterval</c> and whenever a message is
/// queued. The command is the unit of work, so a scheduler job can take this loop's place.
/// </summary>
public sealed class EmailDeliveryService(ILifetimeScope root, EmailWakeUp wakeUp, IOptions<EmailOptions> options, ILogger<EmailDeliveryService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.BackgroundDelivery)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using (var scope = root.BeginLifetimeScope())
                {
                    await scope.Resolve<IMediator>().Send(new DeliverQueuedEmails(), stoppingToken);
                }

                await wakeUp.WaitAsync(options.Value.DeliveryInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The database may be briefly unreachable; the next run retries.
                logger.LogError(exception, "E-mail delivery run failed");
                await Task.Delay(options.Value.DeliveryInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
