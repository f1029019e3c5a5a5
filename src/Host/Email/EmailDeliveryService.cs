using Autofac;
using MediatR;
using Microsoft.Extensions.Options;

namespace PracticeSuite.Host.Email;

/// <summary>
/// Runs <see cref="DeliverQueuedEmails"/> right after a message is queued in this process. The regular run
/// every <c>Email:DeliveryInterval</c> (retries, other nodes' messages) is the Quartz job
/// <c>Platform.email-delivery</c>, which a cluster runs on one node at a time.
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
                await wakeUp.WaitAsync(Timeout.InfiniteTimeSpan, stoppingToken);
                await using var scope = root.BeginLifetimeScope();
                await scope.Resolve<IMediator>().Send(new DeliverQueuedEmails(), stoppingToken);
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
