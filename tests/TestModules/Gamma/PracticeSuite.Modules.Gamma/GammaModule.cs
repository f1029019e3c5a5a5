using System.Collections.Concurrent;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;
using PracticeSuite.Modules.Alpha.Contracts;
using PracticeSuite.SharedKernel.Hosting.Jobs;
using PracticeSuite.SharedKernel.Hosting.Messaging;
using PracticeSuite.SharedKernel.Hosting.Modules;
using PracticeSuite.SharedKernel.Hosting.Persistence;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Modules.Gamma;

public sealed class GammaModule : IModule
{
    public string Name => "Gamma";

    /// <summary>Its page shows Alpha's visit count when Alpha is enabled, and leaves it out when not.</summary>
    public IReadOnlyCollection<string> Uses => ["Alpha"];

    public void Register(ModuleRegistration registration) => registration.AddDbContext<GammaDbContext>();

    public void DeclareJobs(IJobSchedule jobs) =>
        jobs.Every<CountReceipts>("count-receipts", TimeSpan.FromHours(1), "Counts the receipts Gamma holds (a test job).");

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var open = ((RouteGroupBuilder)api).MapGroup("").AllowAnonymous();
        open.MapGet("/received", async (GammaDbContext db) =>
            await db.Receipts.GroupBy(r => new { r.EventId, r.VisitId, r.VisitorName })
                .Select(g => new { g.Key.EventId, g.Key.VisitId, g.Key.VisitorName, Count = g.Count() })
                .ToListAsync());
        open.MapPost("/slips", async (RequestSlip command, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(command, ct);
            return Results.Accepted();
        });
        open.MapGet("/slips", async (GammaDbContext db) =>
            await db.Slips.GroupBy(s => s.SlipId).Select(g => new { SlipId = g.Key, Count = g.Count() }).ToListAsync());
        // Queues one e-mail per key (for the e-mail delivery tests across nodes).
        open.MapPost("/mail/{key}", async (string key, IEmailSender email, CancellationToken ct) =>
        {
            await email.QueueAsync(new EmailMessage("gamma@personas.test", $"Gamma mail {key}", "A test message.", null, "gamma-test", $"gamma:{key}"), ct);
            return Results.Accepted();
        });
        open.MapPost("/repair", () =>
        {
            VisitReceiptHandler.Broken = false;
            return Results.NoContent();
        });
    }
}

/// <summary>One row per handled event; deliberately no unique key, so a double handling would show as two rows.</summary>
public sealed class Receipt
{
    public Guid Id { get; set; }

    public Guid EventId { get; set; }

    public Guid VisitId { get; set; }

    public string VisitorName { get; set; } = "";

    public DateTime ReceivedAt { get; set; }
}

/// <summary>One row per printed slip; no unique key, so a deferred command run twice would show as two rows.</summary>
public sealed class Slip
{
    public Guid Id { get; set; }

    public Guid SlipId { get; set; }

    public string Label { get; set; } = "";
}

public sealed class GammaDbContext(DbContextOptions<GammaDbContext> options) : ModuleDbContext(options, "Gamma")
{
    public DbSet<Receipt> Receipts => Set<Receipt>();

    public DbSet<Slip> Slips => Set<Slip>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Receipt>(receipt =>
        {
            receipt.ToTable("receipts");
            receipt.Property(r => r.VisitorName).HasMaxLength(100);
        });
        modelBuilder.Entity<Slip>(slip =>
        {
            slip.ToTable("slips");
            slip.Property(s => s.Label).HasMaxLength(100);
        });
    }
}

/// <summary>
/// Asks for a slip to be printed later (deferred work). A label starting "rollback-" fails the command after
/// asking, so the request must never run.
/// </summary>
public sealed record RequestSlip(Guid SlipId, string Label) : ICommand;

public sealed class RequestSlipHandler(GammaDbContext db) : IRequestHandler<RequestSlip, Unit>
{
    public Task<Unit> Handle(RequestSlip request, CancellationToken cancellationToken)
    {
        db.RunLater(new PrintSlip(request.SlipId, request.Label));
        if (request.Label.StartsWith("rollback-", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Gamma rolled the slip request back on purpose.");
        }

        return Task.FromResult(Unit.Value);
    }
}

/// <summary>The deferred work: one slip row per run. A label starting "flaky-" fails its first two runs.</summary>
public sealed record PrintSlip(Guid SlipId, string Label) : ICommand;

public sealed class PrintSlipHandler(GammaDbContext db) : IRequestHandler<PrintSlip, Unit>
{
    private static readonly ConcurrentDictionary<Guid, int> FlakyRuns = new();

    public Task<Unit> Handle(PrintSlip request, CancellationToken cancellationToken)
    {
        if (request.Label.StartsWith("flaky-", StringComparison.Ordinal) && FlakyRuns.AddOrUpdate(request.SlipId, 1, (_, n) => n + 1) <= 2)
        {
            throw new InvalidOperationException($"The printer jammed on {request.Label}.");
        }

        db.Slips.Add(new Slip { Id = Guid.NewGuid(), SlipId = request.SlipId, Label = request.Label });
        return Task.FromResult(Unit.Value);
    }
}

/// <summary>
/// Records each visit. Visitors named "flaky-…" fail the first three attempts; "broken-…" fail until
/// <c>POST /api/gamma/repair</c> (the "fix" an operator deploys before retrying a parked message by hand).
/// </summary>
public sealed class VisitReceiptHandler(GammaDbContext db, TimeProvider time, ILogger<VisitReceiptHandler> logger) : IIntegrationEventHandler<VisitRecordedIntegrationEvent>
{
    private static readonly ConcurrentDictionary<Guid, int> FlakyCalls = new();

    public static volatile bool Broken = true;

    public Task HandleAsync(VisitRecordedIntegrationEvent integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        if (integrationEvent.VisitorName.StartsWith("flaky-", StringComparison.Ordinal) && FlakyCalls.AddOrUpdate(context.EventId, 1, (_, n) => n + 1) <= 3)
        {
            throw new InvalidOperationException($"Flaky failure for {integrationEvent.VisitorName}.");
        }

        if (integrationEvent.VisitorName.StartsWith("broken-", StringComparison.Ordinal) && Broken)
        {
            throw new InvalidOperationException("Gamma cannot take broken visitors until it is repaired.");
        }

        logger.LogInformation("Receipt for visit {VisitId}", integrationEvent.VisitId);
        db.Receipts.Add(new Receipt
        {
            Id = Guid.NewGuid(),
            EventId = context.EventId,
            VisitId = integrationEvent.VisitId,
            VisitorName = integrationEvent.VisitorName,
            ReceivedAt = time.GetUtcNow().UtcDateTime,
        });
        return Task.CompletedTask;
    }
}

public sealed record CountReceipts : ICommand;

public sealed class CountReceiptsHandler(GammaDbContext db) : IRequestHandler<CountReceipts, Unit>
{
    public async Task<Unit> Handle(CountReceipts request, CancellationToken cancellationToken)
    {
        _ = await db.Receipts.CountAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>A command that always fails, for the job engine's retry and failure tests.</summary>
public sealed record FailOnPurpose : ICommand;

public sealed class FailOnPurposeHandler : IRequestHandler<FailOnPurpose, Unit>
{
    public const string Error = "Gamma failed on purpose.";

    public Task<Unit> Handle(FailOnPurpose request, CancellationToken cancellationToken) => throw new InvalidOperationException(Error);
}

[DbContext(typeof(GammaDbContext))]
[Migration("20261122000000_CreateReceipts")]
public sealed class CreateReceipts : ModuleMigration
{
    protected override string ModuleName => "Gamma";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        EnsureModuleSchema(migrationBuilder);
        CreateMessagingTables(migrationBuilder);
        migrationBuilder.CreateTable(
            name: Table("receipts"),
            schema: Schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                EventId = t.Column<Guid>(nullable: false),
                VisitId = t.Column<Guid>(nullable: false),
                VisitorName = t.Column<string>(maxLength: 100, nullable: false),
                ReceivedAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_" + Table("receipts"), r => r.Id));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(Table("receipts"), Schema);
        migrationBuilder.DropTable(Table("inbox"), Schema);
        migrationBuilder.DropTable(Table("outbox"), Schema);
    }
}

[DbContext(typeof(GammaDbContext))]
[Migration("20261202120000_CreateSlips")]
public sealed class CreateSlips : ModuleMigration
{
    protected override string ModuleName => "Gamma";

    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateTable(
            name: Table("slips"),
            schema: Schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                SlipId = t.Column<Guid>(nullable: false),
                Label = t.Column<string>(maxLength: 100, nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_" + Table("slips"), s => s.Id));

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(Table("slips"), Schema);
}
