using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PracticeSuite.Modules.TreatmentPlans.Infrastructure.Migrations;

/// <summary>The clinic's own muscles, assessments with their findings, and plans with phases, goals and home care.</summary>
[DbContext(typeof(TreatmentPlansDbContext))]
[Migration("20261214090000_CreateTreatmentPlans")]
internal sealed class M20261214090000_CreateTreatmentPlans : TreatmentPlansMigration
{
    private static readonly string[] Tables =
    [
        "plan_home_care", "plan_goals", "plan_phases", "plans",
        "assessment_trigger_points", "assessment_ranges", "assessment_complaints", "assessments", "clinic_muscles",
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        EnsureModuleSchema(migrationBuilder);
        CreateMessagingTables(migrationBuilder);

        var muscles = Table("clinic_muscles");
        migrationBuilder.CreateTable(
            name: muscles,
            schema: Schema,
            columns: t => new
            {
                Code = t.Column<string>(maxLength: 60, nullable: false),
                Name = t.Column<string>(maxLength: 200, nullable: false),
                Region = t.Column<string>(maxLength: 200, nullable: false),
                Sided = t.Column<bool>(nullable: false),
                PrimarySite = t.Column<string>(maxLength: 60, nullable: false),
                Sites = t.Column<string>(maxLength: 800, nullable: false),
                Description = t.Column<string>(maxLength: 1000, nullable: false),
                Source = t.Column<string>(maxLength: 200, nullable: false),
                AddedAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_" + muscles, x => x.Code));

        var assessments = Table("assessments");
        migrationBuilder.CreateTable(
            name: assessments,
            schema: Schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                ClientId = t.Column<Guid>(nullable: false),
                TherapistId = t.Column<Guid>(nullable: false),
                AssessedOn = t.Column<DateOnly>(nullable: false),
                PostureNotes = t.Column<string>(maxLength: 1000, nullable: true),
                CreatedAt = t.Column<DateTime>(nullable: false),
                UpdatedAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_" + assessments, x => x.Id));
        migrationBuilder.CreateIndex($"IX_{assessments}_ClientId_AssessedOn", assessments, ["ClientId", "AssessedOn"], Schema);

        var complaints = Table("assessment_complaints");
        migrationBuilder.CreateTable(
            name: complaints,
            schema: Schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                AssessmentId = t.Column<Guid>(nullable: false),
                Zones = t.Column<string>(maxLength: 800, nullable: false),
                PainNow = t.Column<int>(nullable: false),
                PainWorst = t.Column<int>(nullable: false),
                Aggravating = t.Column<string>(maxLength: 1000, nullable: true),
                Easing = t.Column<string>(maxLength: 1000, nullable: true),
                Since = t.Column<string>(maxLength: 200, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_" + complaints, x => x.Id);
                t.ForeignKey($"FK_{complaints}_{assessments}_AssessmentId", x => x.AssessmentId, assessments, "Id", Schema, onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex($"IX_{complaints}_AssessmentId", complaints, "AssessmentId", Schema);

        var ranges = Table("assessment_ranges");
        migrationBuilder.CreateTable(
            name: ranges,
            schema: Schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                AssessmentId = t.Column<Guid>(nullable: false),
                MovementCode = t.Column<string>(maxLength: 60, nullable: false),
                Side = t.Column<string>(maxLength: 40, nullable: true),
                Degrees = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_" + ranges, x => x.Id);
                t.ForeignKey($"FK_{ranges}_{assessments}_AssessmentId", x => x.AssessmentId, assessments, "Id", Schema, onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex($"IX_{ranges}_AssessmentId", ranges, "AssessmentId", Schema);

        var points = Table("assessment_trigger_points");
        migrationBuilder.CreateTable(
            name: points,
            schema: Schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                AssessmentId = t.Column<Guid>(nullable: false),
                MuscleCode = t.Column<string>(maxLength: 60, nullable: false),
                Side = t.Column<string>(maxLength: 40, nullable: true),
                Active = t.Column<bool>(nullable: false),
                ReproducesFamiliarPain = t.Column<bool>(nullable: false),
                ReferralZones = t.Column<string>(maxLength: 800, nullable: false),
                Tenderness = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_" + points, x => x.Id);
                t.ForeignKey($"FK_{points}_{assessments}_AssessmentId", x => x.AssessmentId, assessments, "Id", Schema, onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex($"IX_{points}_AssessmentId", points, "AssessmentId", Schema);

        var plans = Table("plans");
        migrationBuilder.CreateTable(
            name: plans,
            schema: Schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                ClientId = t.Column<Guid>(nullable: false),
                TherapistId = t.Column<Guid>(nullable: false),
                AssessmentId = t.Column<Guid>(nullable: true),
                Status = t.Column<string>(maxLength: 40, nullable: false),
                Conditions = t.Column<string>(maxLength: 1000, nullable: false),
                TechniqueList = t.Column<string>(maxLength: 200, nullable: false),
                ReassessOn = t.Column<DateOnly>(nullable: true),
                CreatedAt = t.Column<DateTime>(nullable: false),
                UpdatedAt = t.Column<DateTime>(nullable: false),
                ActivatedAt = t.Column<DateTime>(nullable: true),
                ClosedAt = t.Column<DateTime>(nullable: true),
                DiscontinuedReason = t.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_" + plans, x => x.Id));
        migrationBuilder.CreateIndex($"IX_{plans}_ClientId", plans, "ClientId", Schema);

        var phases = Table("plan_phases");
        migrationBuilder.CreateTable(
            name: phases,
            schema: Schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                PlanId = t.Column<Guid>(nullable: false),
                Position = t.Column<int>(nullable: false),
                IntervalWeeks = t.Column<int>(nullable: false),
                Sessions = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_" + phases, x => x.Id);
                t.ForeignKey($"FK_{phases}_{plans}_PlanId", x => x.PlanId, plans, "Id", Schema, onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex($"IX_{phases}_PlanId", phases, "PlanId", Schema);

        var goals = Table("plan_goals");
        migrationBuilder.CreateTable(
            name: goals,
            schema: Schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                PlanId = t.Column<Guid>(nullable: false),
                Measure = t.Column<string>(maxLength: 40, nullable: false),
                Description = t.Column<string>(maxLength: 200, nullable: false),
                MovementCode = t.Column<string>(maxLength: 60, nullable: true),
                Side = t.Column<string>(maxLength: 40, nullable: true),
                Baseline = t.Column<int>(nullable: false),
                Target = t.Column<int>(nullable: false),
                Unit = t.Column<string>(maxLength: 200, nullable: true),
                TargetDate = t.Column<DateOnly>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_" + goals, x => x.Id);
                t.ForeignKey($"FK_{goals}_{plans}_PlanId", x => x.PlanId, plans, "Id", Schema, onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex($"IX_{goals}_PlanId", goals, "PlanId", Schema);

        var homeCare = Table("plan_home_care");
        migrationBuilder.CreateTable(
            name: homeCare,
            schema: Schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                PlanId = t.Column<Guid>(nullable: false),
                Exercise = t.Column<string>(maxLength: 200, nullable: false),
                Dose = t.Column<string>(maxLength: 200, nullable: false),
                Instructions = t.Column<string>(maxLength: 1000, nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_" + homeCare, x => x.Id);
                t.ForeignKey($"FK_{homeCare}_{plans}_PlanId", x => x.PlanId, plans, "Id", Schema, onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex($"IX_{homeCare}_PlanId", homeCare, "PlanId", Schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in Tables)
        {
            migrationBuilder.DropTable(Table(table), Schema);
        }
    }
}
