using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PracticeSuite.SharedKernel.Hosting.Persistence;

namespace PracticeSuite.Host.Persistence;

/// <summary>The host's own operational tables (schema <c>platform</c> / prefix <c>platform_</c>): job run history.</summary>
public sealed class PlatformDbContext(DbContextOptions<PlatformDbContext> options) : ModuleDbContext(options, Name)
{
    public const string Name = "Platform";

    public DbSet<JobRun> JobRuns => Set<JobRun>();

    protected override void ConfigureModel(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<JobRun>(run =>
        {
            run.ToTable(JobRun.Table);
            run.HasKey(r => new { r.JobGroup, r.JobName });
            run.Property(r => r.JobGroup).HasMaxLength(150);
            run.Property(r => r.JobName).HasMaxLength(150);
            run.Property(r => r.LastOutcome).HasMaxLength(20);
        });
}

/// <summary>What the jobs page shows about a job's runs; the scheduler itself knows the next run.</summary>
public sealed class JobRun
{
    /// <summary>The platform's table of job runs (module-local name).</summary>
    public const string Table = "job_runs";

    public string JobGroup { get; set; } = "";

    public string JobName { get; set; } = "";

    public DateTime? LastStartedAt { get; set; }

    public DateTime? LastFinishedAt { get; set; }

    /// <summary><c>Succeeded</c> or <c>Failed</c>.</summary>
    public string? LastOutcome { get; set; }

    public string? LastError { get; set; }

    public int ConsecutiveFailures { get; set; }

    public int TotalRuns { get; set; }

    public int TotalFailures { get; set; }
}

public abstract class PlatformMigration : ModuleMigration
{
    protected override string ModuleName => PlatformDbContext.Name;
}

[DbContext(typeof(PlatformDbContext))]
[Migration("20261122010000_CreateJobRuns")]
public sealed class CreateJobRuns : PlatformMigration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        EnsureModuleSchema(migrationBuilder);
        CreateMessagingTables(migrationBuilder);
        migrationBuilder.CreateTable(
            name: Table("job_runs"),
            schema: Schema,
            columns: t => new
            {
                JobGroup = t.Column<string>(maxLength: 150, nullable: false),
                JobName = t.Column<string>(maxLength: 150, nullable: false),
                LastStartedAt = t.Column<DateTime>(nullable: true),
                LastFinishedAt = t.Column<DateTime>(nullable: true),
                LastOutcome = t.Column<string>(maxLength: 20, nullable: true),
                LastError = t.Column<string>(nullable: true),
                ConsecutiveFailures = t.Column<int>(nullable: false),
                TotalRuns = t.Column<int>(nullable: false),
                TotalFailures = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_" + Table("job_runs"), r => new { r.JobGroup, r.JobName }));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(Table("job_runs"), Schema);
        migrationBuilder.DropTable(Table("inbox"), Schema);
        migrationBuilder.DropTable(Table("outbox"), Schema);
    }
}
