using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PracticeSuite.SharedKernel.Hosting.Platform;

namespace PracticeSuite.Platform.Web;

/// <summary>
/// Writes /health. Everyone (load balancers, monitoring) gets the overall status as plain text — <c>Healthy</c> or
/// <c>Unhealthy</c>, with 200 or 503 from the health-check middleware; a signed-in manager gets each check's name,
/// status, duration and description as JSON. The descriptions name the database provider and the job server, which
/// tell an attacker more than a monitor needs (issue 16).
/// </summary>
internal static class HealthResponse
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.Headers.CacheControl = "no-store"; // the manager's answer must not be served to the next caller
        var authorization = context.RequestServices.GetRequiredService<IAuthorizationService>();
        if (context.User.Identity?.IsAuthenticated != true || !(await authorization.AuthorizeAsync(context.User, Policies.Manager)).Succeeded)
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(report.Status.ToString());
            return;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            totalDurationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1), description = e.Value.Description }),
        };
        await context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }
}
