using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PracticeSuite.Modules.TreatmentPlans.Infrastructure.Migrations;

/// <summary>Session notes (SOAP) with their pain scores, treated trigger points, minutes per technique and addenda.</summary>
[DbContext(typeof(TreatmentPlansDbContext))]
[Migration("20261214100000_CreateSessionNotes")]
internal sealed class M20261214100000_CreateSessionNotes : TreatmentPlansMigration
{
    private static readonly string[] Tables = ["note_addenda", "note_technique_minutes", "note_treated_points", "note_pain_scores", "session_notes"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var notes = Table("session_notes");
        migrationBuilder.CreateTable(
            name: notes,
            schema: Schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                AppointmentId = t.Column<Guid>(nullable: false),
                ClientId = t.Column<Guid>(nullable: false),
                TherapistId = t.Column<Guid>(nullable: false),
                PlanId = t.Column<Guid>(nullable: true),
                AppointmentStartsAt = t.Column<DateTime>(nullable: false),
                AppointmentEndsAt = t.Column<DateTime>(nullable: false),
                Changes = t.Column<string>(maxLength: 4000, nullable: true),
                NewHealthChanges = t.Column<bool>(nullable: false),
                Findings = t.Column<string>(maxLength: 4000, nullable: true),
                AssessmentText = t.Column<string>(maxLength: 4000, nullable: true),
                PlanText = t.Column<string>(maxLength: 4000, nullable: true),
                AftercareList = t.Column<string>(maxLength: 200, nullable: false),
                CreatedAt = t.Column<DateTime>(nullable: false),
                UpdatedAt = t.Column<DateTime>(nullable: false),
                SignedAt = t.Column<DateTime>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_" + notes, x => x.Id));
        migrationBuilder.CreateIndex($"IX_{notes}_AppointmentId", notes, "AppointmentId", Schema, unique: true);
        migrationBuilder.CreateIndex($"IX_{notes}_ClientId_AppointmentStartsAt", notes, ["ClientId", "AppointmentStartsAt"], Schema);
        migrationBuilder.CreateIndex($"IX_{notes}_TherapistId_SignedAt", notes, ["TherapistId", "SignedAt"], Schema);

        var scores = Table("note_pain_scores");
        migrationBuilder.CreateTable(
            name: scores,
            schema: Schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                NoteId = t.Column<Guid>(nullable: false),
                Label = t.Column<string>(maxLength: 200, nullable: false),
                Score = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_" + scores, x => x.Id);
                t.ForeignKey($"FK_{scores}_{notes}_NoteId", x => x.NoteId, notes, "Id", Schema, onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex($"IX_{scores}_NoteId", scores, "NoteId", Schema);

        var points = Table("note_treated_points");
        migrationBuilder.CreateTable(
            name: points,
            schema: Schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                NoteId = t.Column<Guid>(nullable: false),
                MuscleCode = t.Column<string>(maxLength: 60, nullable: false),
                Side = t.Column<string>(maxLength: 40, nullable: true),
                Zone = t.Column<string>(maxLength: 60, nullable: false),
                Technique = t.Column<string>(maxLength: 40, nullable: false),
                HoldSeconds = t.Column<int>(nullable: true),
                Repetitions = t.Column<int>(nullable: false),
                Pressure = t.Column<int>(nullable: false),
                Outcome = t.Column<string>(maxLength: 40, nullable: false),
                AvoidOverrideReason = t.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_" + points, x => x.Id);
                t.ForeignKey($"FK_{points}_{notes}_NoteId", x => x.NoteId, notes, "Id", Schema, onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex($"IX_{points}_NoteId", points, "NoteId", Schema);

        var minutes = Table("note_technique_minutes");
        migrationBuilder.CreateTable(
            name: minutes,
            schema: Schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                NoteId = t.Column<Guid>(nullable: false),
                Technique = t.Column<string>(maxLength: 40, nullable: false),
                Minutes = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_" + minutes, x => x.Id);
                t.ForeignKey($"FK_{minutes}_{notes}_NoteId", x => x.NoteId, notes, "Id", Schema, onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex($"IX_{minutes}_NoteId", minutes, "NoteId", Schema);

        var addenda = Table("note_addenda");
        migrationBuilder.CreateTable(
            name: addenda,
            schema: Schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                NoteId = t.Column<Guid>(nullable: false),
                Text = t.Column<string>(maxLength: 4000, nullable: false),
                At = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_" + addenda, x => x.Id);
                t.ForeignKey($"FK_{addenda}_{notes}_NoteId", x => x.NoteId, notes, "Id", Schema, onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex($"IX_{addenda}_NoteId", addenda, "NoteId", Schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in Tables)
        {
            migrationBuilder.DropTable(Table(table), Schema);
        }
    }
}
