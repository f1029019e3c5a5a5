using Autofac;
using MediatR;
using PracticeSuite.SharedKernel.Hosting.Diagnostics;
using Quartz;

namespace PracticeSuite.Host.Jobs;

/// <summary>
/// The only Quartz job type: it sends the request named in its data, in a fresh scope and correlation
/// flow, so a job gets logging, validation and (for a command) the transaction like any other request. Module
/// jobs are commands; the platform's sweep and e-mail run are requests that open the transactions they need.
/// </summary>
[DisallowConcurrentExecution]
public sealed class CommandJob(ILifetimeScope root) : IJob
{
    public const string CommandTypeKey = "command";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var typeName = context.MergedJobDataMap.GetString(CommandTypeKey);
        var commandType = typeName is null ? null : Type.GetType(typeName);
        if (commandType is null || Activator.CreateInstance(commandType) is not IRequest<Unit> command)
        {
            throw new JobExecutionException($"Job {context.JobDetail.Key} names command '{typeName}', which is not loaded.");
        }

        using var flow = Correlation.Begin($"job-{context.FireInstanceId}");
        await using var scope = root.BeginLifetimeScope();
        await scope.Resolve<IMediator>().Send(command, cancellationToken);
    }
}
