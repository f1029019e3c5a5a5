using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PracticeSuite.SharedKernel.Hosting.Persistence;

namespace PracticeSuite.Platform.Persistence;

/// <summary>
/// The platform's own messaging tables (schema <c>platform</c> / prefix <c>platform_</c>): the outbox and inbox of the
/// platform's requests. Job history lives in Hangfire's storage.
/// </summary>
internal sealed class PlatformDbContext(DbContextOptions<PlatformDbContext> options) : ModuleDbContext(options, Name)
{
    public const string Name = "Platform";

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
    }
}

internal abstract class PlatformMigration : ModuleMigration
{
    protected override string ModuleName => PlatformDbContext.Name;
}

[DbContext(typeof(PlatformDbContext))]
[Migration("20261122010000_CreateJobRuns")]
internal sealed class CreateJobRuns : PlatformMigration
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

/// <summary>
/// Jobs moved from Quartz to Hangfire (ADR 0004): drops the job-run history the Quartz listener kept and Quartz's own
/// tables, which its store created in the practice database (default schema, prefix <c>qrtz_</c>; dependants first).
/// </summary>
[DbContext(typeof(PlatformDbContext))]
[Migration("20261202100000_DropQuartz")]
internal sealed class DropQuartz : PlatformMigration
{
    public static readonly IReadOnlyList<string> QuartzTables =
    [
        "qrtz_fired_triggers", "qrtz_paused_trigger_grps", "qrtz_scheduler_state", "qrtz_locks", "qrtz_simprop_triggers",
        "qrtz_simple_triggers", "qrtz_cron_triggers", "qrtz_blob_triggers", "qrtz_triggers", "qrtz_job_details", "qrtz_calendars",
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(Table("job_runs"), Schema);
        foreach (var table in QuartzTables)
        {
            migrationBuilder.Sql($"DROP TABLE IF EXISTS {table}");
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Quartz is no longer part of PracticeSuite; restore a backup taken before this migration instead.");
}
