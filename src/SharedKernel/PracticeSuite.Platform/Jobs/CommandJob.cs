using Hangfire;
using Hangfire.Server;
using MediatR;
using PracticeSuite.Platform.Modules;
using PracticeSuite.SharedKernel.Hosting.Diagnostics;
using PracticeSuite.SharedKernel.Hosting.Platform;

namespace PracticeSuite.Platform.Jobs;

/// <summary>
/// The job every recurring job runs: it sends the request named by type, so a job gets logging, validation and
/// (for a command) the transaction like any other request. Hangfire creates it in the job's own Autofac lifetime
/// scope (its ASP.NET Core activator), so the mediator and every DbContext here belong to this one run. A failure
/// is retried with Hangfire's backoff, then left as Failed on the dashboard with its error.
/// </summary>
[AutomaticRetry(Attempts = Attempts)]
internal sealed class CommandJob(IMediator mediator, ModuleCatalog modules)
{
    public const int Attempts = 5;

    /// <summary>Runs <paramref name="requestType"/> (an assembly-qualified name); the first two arguments name the job on the dashboard.</summary>
    [JobDisplayName("{0}: {1}")]
    public async Task RunAsync(string jobId, string description, string requestType, PerformContext? context, CancellationToken cancellationToken)
    {
        using var trace = TraceContext.Continue($"job {jobId}", null); // each run of a recurring job is a trace of its own
        using var system = SystemPrincipal.Enter();
        await mediator.Send(CreateRequest(requestType, modules), cancellationToken);
    }

    /// <summary>A new request of the named type; a type whose module is no longer loaded fails the run with a message.</summary>
    public static IRequest<Unit> CreateRequest(string requestType, ModuleCatalog modules)
    {
        var type = Type.GetType(requestType, throwOnError: false);
        if (type is null || Activator.CreateInstance(type) is not IRequest<Unit> request)
        {
            throw new InvalidOperationException(
                $"The job's request '{requestType}' is not loaded (loaded modules: {string.Join(", ", modules.Modules.Select(m => m.Name))}).");
        }

        return request;
    }
}
