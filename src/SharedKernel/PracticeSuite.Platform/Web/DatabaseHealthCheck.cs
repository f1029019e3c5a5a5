using Microsoft.Extensions.Diagnostics.HealthChecks;
using PracticeSuite.SharedKernel.Hosting.Persistence;

namespace PracticeSuite.Platform.Web;

/// <summary>Healthy only when a query really reaches the database.</summary>
internal sealed class DatabaseHealthCheck(PracticeDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await database.PingAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{database.Provider} answered.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{database.Provider} did not answer: {exception.GetType().Name}.");
        }
    }
}
