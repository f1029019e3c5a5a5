using System.Diagnostics;
using Autofac;
using Autofac.Extensions.DependencyInjection;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PracticeSuite.Platform.Composition;
using PracticeSuite.SharedKernel.Hosting.Diagnostics;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Bench.Platform;

/// <summary>
/// One request through every behaviour (logging → validation → unit of work) to a handler that does no I/O,
/// composed the way the host composes messaging: one Autofac container, <see cref="MessagingRegistration"/>,
/// a real logger factory at the production level (Information), the mediator resolved from a lifetime scope.
/// </summary>
public sealed class PipelineBenchmark(int batches, int batchSize)
{
    private const int WarmUpSends = 20_000;
    private static readonly TimeSpan WarmUpDuration = TimeSpan.FromSeconds(2);

    public async Task<IReadOnlyList<Figure>> RunAsync()
    {
        // In the host, ASP.NET Core starts an activity per HTTP request before any request is sent.
        using var trace = TraceContext.Continue("bench", null);
        await using var container = BuildContainer();
        await using var scope = container.BeginLifetimeScope();
        var mediator = scope.Resolve<IMediator>();
        var query = new BenchLookup("Jane Doe", 7);

        await ProveValidationRunsAsync(mediator);
        // Long enough for tiered compilation to finish promoting the hot path (its timer waits for quiet).
        var warmUpStarted = Stopwatch.GetTimestamp();
        for (var i = 0; i < WarmUpSends || Stopwatch.GetElapsedTime(warmUpStarted) < WarmUpDuration; i++)
        {
            await mediator.Send(query);
        }

        var collectionsBefore = GC.CollectionCount(0);

        var perBatchMicroseconds = new double[batches];
        var totalTicks = 0L;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var checksum = 0L;
        for (var batch = 0; batch < batches; batch++)
        {
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < batchSize; i++)
            {
                checksum += await mediator.Send(query);
            }

            var ticks = Stopwatch.GetTimestamp() - started;
            totalTicks += ticks;
            perBatchMicroseconds[batch] = ticks * 1_000_000.0 / Stopwatch.Frequency / batchSize;
        }

        var allocatedPerRequest = (double)(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (batches * batchSize);
        var collections = GC.CollectionCount(0) - collectionsBefore;
        if (checksum != (long)batches * batchSize * (query.Count + 1))
        {
            throw new InvalidOperationException("The handler's answers do not add up: the pipeline did not run as measured.");
        }

        var sends = batches * batchSize;
        var mean = totalTicks * 1_000_000.0 / Stopwatch.Frequency / sends;
        var p50 = Stats.Percentile(perBatchMicroseconds, 50);
        var p99 = Stats.Percentile(perBatchMicroseconds, 99);
        Console.WriteLine($"[pipeline] {sends:N0} sends in {batches} batches of {batchSize}: mean {mean:0.00} µs, " +
            $"per-batch p50 {p50:0.00} µs, p99 {p99:0.00} µs, min {perBatchMicroseconds.Min():0.00} µs; {allocatedPerRequest:0} B allocated per request, {collections} GCs during the measurement");
        return
        [
            new Figure("One request through all behaviours (mean)", mean, "µs", 20, false,
                $"{sends:N0} sends; per-batch p50 {p50:0.00} µs, p99 {p99:0.00} µs"),
            new Figure("Allocations per request", allocatedPerRequest, "B", null, false, "GC.GetAllocatedBytesForCurrentThread"),
        ];
    }

    private static IContainer BuildContainer()
    {
        // Logging as in production: console provider, Information by default, so the behaviour's Debug line is skipped.
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddConsole().SetMinimumLevel(LogLevel.Information));
        var builder = new ContainerBuilder();
        builder.Populate(services);
        builder.RegisterMessaging([typeof(BenchLookup).Assembly]);
        return builder.Build();
    }

    /// <summary>The validator must really run in the measured pipeline: an invalid request is refused.</summary>
    private static async Task ProveValidationRunsAsync(IMediator mediator)
    {
        try
        {
            await mediator.Send(new BenchLookup("", -1));
        }
        catch (PracticeSuite.SharedKernel.Errors.RequestValidationException)
        {
            return;
        }

        throw new InvalidOperationException("An invalid bench request passed: the validation behaviour is not in the pipeline.");
    }
}

/// <summary>A query as a module would declare it: read-only, so the unit of work passes it through.</summary>
public sealed record BenchLookup(string Name, int Count) : IQuery<int>;

public sealed class BenchLookupValidator : AbstractValidator<BenchLookup>
{
    public BenchLookupValidator()
    {
        RuleFor(q => q.Name).NotEmpty().MaximumLength(100);
        RuleFor(q => q.Count).InclusiveBetween(0, 1000);
    }
}

/// <summary>Answers from its arguments alone: no I/O, so the figure is the pipeline's own cost.</summary>
public sealed class BenchLookupHandler : IRequestHandler<BenchLookup, int>
{
    public Task<int> Handle(BenchLookup request, CancellationToken cancellationToken) => Task.FromResult(request.Count + 1);
}
