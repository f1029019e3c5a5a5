using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.TreatmentPlans.Domain;
using PracticeSuite.Modules.TreatmentPlans.Domain.Reference;
using PracticeSuite.Modules.TreatmentPlans.Infrastructure.Migrations;
using PracticeSuite.SharedKernel.Hosting.Persistence;

namespace PracticeSuite.Modules.TreatmentPlans.Infrastructure;

internal sealed class TreatmentPlansDbContext(DbContextOptions<TreatmentPlansDbContext> options) : ModuleDbContext(options, TreatmentPlansMigration.Module)
{
    public const int CodeLength = 60;
    public const int NameLength = 200;
    public const int TextLength = 1000;
    public const int EnumLength = 40;
    public const int CodeListLength = 800;

    public DbSet<ClinicMuscle> ClinicMuscles => Set<ClinicMuscle>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<TreatmentPlan> Plans => Set<TreatmentPlan>();
    public DbSet<SessionNote> Notes => Set<SessionNote>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ClinicMuscle>(muscle =>
        {
            muscle.ToTable("clinic_muscles");
            muscle.HasKey(m => m.Code);
            muscle.Property(m => m.Code).HasMaxLength(CodeLength);
            muscle.Property(m => m.Name).HasMaxLength(NameLength);
            muscle.Property(m => m.Region).HasMaxLength(NameLength);
            muscle.Property(m => m.PrimarySite).HasMaxLength(CodeLength);
            muscle.Property(m => m.Sites).HasMaxLength(CodeListLength);
            muscle.Property(m => m.Description).HasMaxLength(TextLength);
            muscle.Property(m => m.Source).HasMaxLength(NameLength);
        });

        modelBuilder.Entity<Assessment>(assessment =>
        {
            assessment.ToTable("assessments");
            assessment.HasKey(a => a.Id);
            assessment.Property(a => a.Id).ValueGeneratedNever();
            assessment.Property(a => a.PostureNotes).HasMaxLength(TextLength);
            assessment.HasIndex(a => new { a.ClientId, a.AssessedOn });
            assessment.HasMany(a => a.Complaints).WithOne().HasForeignKey(c => c.AssessmentId).OnDelete(DeleteBehavior.Cascade);
            assessment.Navigation(a => a.Complaints).HasField("_complaints");
            assessment.HasMany(a => a.Ranges).WithOne().HasForeignKey(r => r.AssessmentId).OnDelete(DeleteBehavior.Cascade);
            assessment.Navigation(a => a.Ranges).HasField("_ranges");
            assessment.HasMany(a => a.TriggerPoints).WithOne().HasForeignKey(t => t.AssessmentId).OnDelete(DeleteBehavior.Cascade);
            assessment.Navigation(a => a.TriggerPoints).HasField("_triggerPoints");
        });
        modelBuilder.Entity<Complaint>(complaint =>
        {
            complaint.ToTable("assessment_complaints");
            complaint.HasKey(c => c.Id);
            complaint.Property(c => c.Id).ValueGeneratedNever();
            complaint.Property(c => c.Zones).HasMaxLength(CodeListLength);
            complaint.Property(c => c.Aggravating).HasMaxLength(TextLength);
            complaint.Property(c => c.Easing).HasMaxLength(TextLength);
            complaint.Property(c => c.Since).HasMaxLength(NameLength);
            complaint.Ignore(c => c.ZoneCodes);
        });
        modelBuilder.Entity<RangeMeasurement>(range =>
        {
            range.ToTable("assessment_ranges");
            range.HasKey(r => r.Id);
            range.Property(r => r.Id).ValueGeneratedNever();
            range.Property(r => r.MovementCode).HasMaxLength(CodeLength);
            range.Property(r => r.Side).HasConversion<string>().HasMaxLength(EnumLength);
            range.Ignore(r => r.Movement);
            range.Ignore(r => r.PastNormal);
        });
        modelBuilder.Entity<TriggerPointFinding>(point =>
        {
            point.ToTable("assessment_trigger_points");
            point.HasKey(t => t.Id);
            point.Property(t => t.Id).ValueGeneratedNever();
            point.Property(t => t.MuscleCode).HasMaxLength(CodeLength);
            point.Property(t => t.Side).HasConversion<string>().HasMaxLength(EnumLength);
            point.Property(t => t.ReferralZones).HasMaxLength(CodeListLength);
            point.Ignore(t => t.ReferralZoneCodes);
        });

        modelBuilder.Entity<TreatmentPlan>(plan =>
        {
            plan.ToTable("plans");
            plan.HasKey(p => p.Id);
            plan.Property(p => p.Id).ValueGeneratedNever();
            plan.Property(p => p.Status).HasConversion<string>().HasMaxLength(EnumLength);
            plan.Property(p => p.Conditions).HasMaxLength(TextLength);
            plan.Property(p => p.TechniqueList).HasMaxLength(NameLength);
            plan.Property(p => p.DiscontinuedReason).HasMaxLength(TextLength);
            plan.HasIndex(p => p.ClientId);
            plan.HasMany(p => p.Phases).WithOne().HasForeignKey(p => p.PlanId).OnDelete(DeleteBehavior.Cascade);
            plan.Navigation(p => p.Phases).HasField("_phases");
            plan.HasMany(p => p.Goals).WithOne().HasForeignKey(g => g.PlanId).OnDelete(DeleteBehavior.Cascade);
            plan.Navigation(p => p.Goals).HasField("_goals");
            plan.HasMany(p => p.HomeCare).WithOne().HasForeignKey(h => h.PlanId).OnDelete(DeleteBehavior.Cascade);
            plan.Navigation(p => p.HomeCare).HasField("_homeCare");
            plan.Ignore(p => p.Techniques);
            plan.Ignore(p => p.PlannedSessions);
            plan.Ignore(p => p.IsOpen);
            plan.Ignore(p => p.FrequencyText);
        });
        modelBuilder.Entity<PlanPhase>(phase =>
        {
            phase.ToTable("plan_phases");
            phase.HasKey(p => p.Id);
            phase.Property(p => p.Id).ValueGeneratedNever();
        });
        modelBuilder.Entity<PlanGoal>(goal =>
        {
            goal.ToTable("plan_goals");
            goal.HasKey(g => g.Id);
            goal.Property(g => g.Id).ValueGeneratedNever();
            goal.Property(g => g.Measure).HasConversion<string>().HasMaxLength(EnumLength);
            goal.Property(g => g.Description).HasMaxLength(NameLength);
            goal.Property(g => g.MovementCode).HasMaxLength(CodeLength);
            goal.Property(g => g.Side).HasConversion<string>().HasMaxLength(EnumLength);
            goal.Property(g => g.Unit).HasMaxLength(NameLength);
        });
        modelBuilder.Entity<HomeCareExercise>(exercise =>
        {
            exercise.ToTable("plan_home_care");
            exercise.HasKey(h => h.Id);
            exercise.Property(h => h.Id).ValueGeneratedNever();
            exercise.Property(h => h.Exercise).HasMaxLength(NameLength);
            exercise.Property(h => h.Dose).HasMaxLength(NameLength);
            exercise.Property(h => h.Instructions).HasMaxLength(TextLength);
        });
        modelBuilder.Entity<SessionNote>(note =>
        {
            note.ToTable("session_notes");
            note.HasKey(n => n.Id);
            note.Property(n => n.Id).ValueGeneratedNever();
            note.HasIndex(n => n.AppointmentId).IsUnique(); // one note per appointment
            note.HasIndex(n => new { n.ClientId, n.AppointmentStartsAt });
            note.HasIndex(n => new { n.TherapistId, n.SignedAt });
            note.Property(n => n.Changes).HasMaxLength(SessionNote.TextLength);
            note.Property(n => n.Findings).HasMaxLength(SessionNote.TextLength);
            note.Property(n => n.AssessmentText).HasMaxLength(SessionNote.TextLength);
            note.Property(n => n.PlanText).HasMaxLength(SessionNote.TextLength);
            note.Property(n => n.AftercareList).HasMaxLength(NameLength);
            note.HasMany(n => n.PainScores).WithOne().HasForeignKey(p => p.NoteId).OnDelete(DeleteBehavior.Cascade);
            note.Navigation(n => n.PainScores).HasField("_painScores");
            note.HasMany(n => n.TreatedPoints).WithOne().HasForeignKey(p => p.NoteId).OnDelete(DeleteBehavior.Cascade);
            note.Navigation(n => n.TreatedPoints).HasField("_treatedPoints");
            note.HasMany(n => n.Minutes).WithOne().HasForeignKey(m => m.NoteId).OnDelete(DeleteBehavior.Cascade);
            note.Navigation(n => n.Minutes).HasField("_minutes");
            note.HasMany(n => n.Addenda).WithOne().HasForeignKey(a => a.NoteId).OnDelete(DeleteBehavior.Cascade);
            note.Navigation(n => n.Addenda).HasField("_addenda");
            note.Ignore(n => n.Signed);
            note.Ignore(n => n.AftercareGiven);
            note.Ignore(n => n.DeepOrTriggerPointWork);
        });
        modelBuilder.Entity<NotePainScore>(score =>
        {
            score.ToTable("note_pain_scores");
            score.HasKey(p => p.Id);
            score.Property(p => p.Id).ValueGeneratedNever();
            score.Property(p => p.Label).HasMaxLength(NameLength);
        });
        modelBuilder.Entity<TreatedPoint>(point =>
        {
            point.ToTable("note_treated_points");
            point.HasKey(p => p.Id);
            point.Property(p => p.Id).ValueGeneratedNever();
            point.Property(p => p.MuscleCode).HasMaxLength(CodeLength);
            point.Property(p => p.Side).HasConversion<string>().HasMaxLength(EnumLength);
            point.Property(p => p.Zone).HasMaxLength(CodeLength);
            point.Property(p => p.Technique).HasConversion<string>().HasMaxLength(EnumLength);
            point.Property(p => p.Outcome).HasConversion<string>().HasMaxLength(EnumLength);
            point.Property(p => p.AvoidOverrideReason).HasMaxLength(TextLength);
        });
        modelBuilder.Entity<TechniqueMinutes>(minutes =>
        {
            minutes.ToTable("note_technique_minutes");
            minutes.HasKey(m => m.Id);
            minutes.Property(m => m.Id).ValueGeneratedNever();
            minutes.Property(m => m.Technique).HasConversion<string>().HasMaxLength(EnumLength);
        });
        modelBuilder.Entity<NoteAddendum>(addendum =>
        {
            addendum.ToTable("note_addenda");
            addendum.HasKey(a => a.Id);
            addendum.Property(a => a.Id).ValueGeneratedNever();
            addendum.Property(a => a.Text).HasMaxLength(SessionNote.TextLength);
        });
    }
}
