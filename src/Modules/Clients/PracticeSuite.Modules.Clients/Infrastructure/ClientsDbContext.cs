using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Clients.Domain;
using PracticeSuite.SharedKernel.Hosting.Persistence;

namespace PracticeSuite.Modules.Clients.Infrastructure;

internal sealed class ClientsDbContext(DbContextOptions<ClientsDbContext> options) : ModuleDbContext(options, ClientsMigration.Module)
{
    public const int NameLength = 100;
    public const int EmailLength = 254;
    public const int PhoneLength = 30;
    public const int TextLength = 2000;
    public const int EnumLength = 40;

    public DbSet<Client> Clients => Set<Client>();

    public DbSet<ClientSearchTerm> SearchTerms => Set<ClientSearchTerm>();

    public DbSet<CareTeamMember> CareTeamMembers => Set<CareTeamMember>();

    public DbSet<IntakeVersion> Intakes => Set<IntakeVersion>();

    public DbSet<IntakeDraft> IntakeDrafts => Set<IntakeDraft>();

    public DbSet<ConsentTextVersion> ConsentTexts => Set<ConsentTextVersion>();

    public DbSet<ConsentSignature> ConsentSignatures => Set<ConsentSignature>();

    public DbSet<ScreeningRule> ScreeningRules => Set<ScreeningRule>();

    public DbSet<ScreeningFlag> Flags => Set<ScreeningFlag>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Client>(client =>
        {
            client.ToTable("clients");
            client.HasKey(c => c.Id);
            client.Property(c => c.Id).ValueGeneratedNever();
            client.Property(c => c.GivenName).HasMaxLength(NameLength);
            client.Property(c => c.FamilyName).HasMaxLength(NameLength);
            client.Property(c => c.Email).HasMaxLength(EmailLength);
            client.Property(c => c.Phone).HasMaxLength(PhoneLength);
            client.Property(c => c.Address).HasMaxLength(500);
            client.Property(c => c.EmergencyContactName).HasMaxLength(NameLength);
            client.Property(c => c.EmergencyContactPhone).HasMaxLength(PhoneLength);
            client.Property(c => c.TimeZone).HasMaxLength(64);
            client.Property(c => c.PressurePreference).HasConversion<string>().HasMaxLength(EnumLength);
            client.Property(c => c.PainThresholdNotes).HasMaxLength(TextLength);
            client.Property(c => c.SortName).HasMaxLength(2 * NameLength + 1);
            client.Property(c => c.NormalisedEmail).HasMaxLength(EmailLength);
            client.Property(c => c.NormalisedFullName).HasMaxLength(2 * NameLength + 1);
            client.Property(c => c.PortalUserId).HasMaxLength(64);
            client.HasIndex(c => c.SortName);
            client.HasIndex(c => c.NormalisedEmail);
            client.HasIndex(c => new { c.NormalisedFullName, c.DateOfBirth });
            client.HasMany(c => c.CareTeam).WithOne().HasForeignKey(m => m.ClientId).OnDelete(DeleteBehavior.Cascade);
            client.HasMany(c => c.ContactPreferences).WithOne().HasForeignKey(p => p.ClientId).OnDelete(DeleteBehavior.Cascade);
            client.HasMany(c => c.SearchTerms).WithOne().HasForeignKey(t => t.ClientId).OnDelete(DeleteBehavior.Cascade);
            client.Navigation(c => c.CareTeam).HasField("_careTeam");
            client.Navigation(c => c.ContactPreferences).HasField("_contactPreferences");
            client.Navigation(c => c.SearchTerms).HasField("_searchTerms");
            client.Ignore(c => c.DisplayName);
            client.Ignore(c => c.IsArchived);
            client.Ignore(c => c.IsErased);
            client.Ignore(c => c.DomainEvents);
        });
        modelBuilder.Entity<CareTeamMember>(member =>
        {
            member.ToTable("care_team_members");
            member.HasKey(m => new { m.ClientId, m.TherapistId });
            member.HasIndex(m => m.TherapistId); // "the clients I treat"
        });
        modelBuilder.Entity<ContactPreferenceSetting>(preference =>
        {
            preference.ToTable("contact_preferences");
            preference.HasKey(p => new { p.ClientId, p.Kind, p.Channel });
            preference.Property(p => p.Kind).HasConversion<string>().HasMaxLength(EnumLength);
            preference.Property(p => p.Channel).HasConversion<string>().HasMaxLength(EnumLength);
        });
        modelBuilder.Entity<ClientSearchTerm>(term =>
        {
            term.ToTable("client_search_terms");
            term.HasKey(t => new { t.ClientId, t.Term });
            term.Property(t => t.Term).HasMaxLength(SearchText.MaxTermLength);
            term.Property(t => t.SortName).HasMaxLength(2 * NameLength + 1);
            // Prefix search walks this index's range in result order and needs nothing else: it stops after a page.
            term.HasIndex(t => new { t.Term, t.SortName, t.ClientId, t.Archived });
        });
        modelBuilder.Entity<IntakeVersion>(intake =>
        {
            intake.ToTable("intake_versions");
            intake.HasKey(i => i.Id);
            intake.Property(i => i.Id).ValueGeneratedNever();
            intake.Property(i => i.SubmittedByUserId).HasMaxLength(64);
            intake.HasIndex(i => new { i.ClientId, i.Version }).IsUnique();
        });
        modelBuilder.Entity<IntakeDraft>(draft =>
        {
            draft.ToTable("intake_drafts");
            draft.HasKey(d => d.ClientId);
            draft.Property(d => d.ClientId).ValueGeneratedNever();
        });
        modelBuilder.Entity<ConsentTextVersion>(text =>
        {
            text.ToTable("consent_texts");
            text.HasKey(t => t.Version);
            text.Property(t => t.Version).ValueGeneratedNever();
            text.Property(t => t.PublishedByUserId).HasMaxLength(64);
        });
        modelBuilder.Entity<ConsentSignature>(signature =>
        {
            signature.ToTable("consent_signatures");
            signature.HasKey(s => s.Id);
            signature.Property(s => s.Id).ValueGeneratedNever();
            signature.Property(s => s.TypedName).HasMaxLength(200);
            signature.Property(s => s.IpAddress).HasMaxLength(64);
            signature.HasIndex(s => new { s.ClientId, s.ConsentVersion });
        });
        modelBuilder.Entity<ScreeningRule>(rule =>
        {
            rule.ToTable("screening_rules");
            rule.HasKey(r => r.QuestionKey);
            rule.Property(r => r.QuestionKey).HasMaxLength(EnumLength);
            rule.Property(r => r.Kind).HasConversion<string>().HasMaxLength(EnumLength);
            rule.Property(r => r.Reason).HasMaxLength(200);
            rule.Property(r => r.UpdatedByUserId).HasMaxLength(64);
        });
        modelBuilder.Entity<ScreeningFlag>(flag =>
        {
            flag.ToTable("screening_flags");
            flag.HasKey(f => f.Id);
            flag.Property(f => f.Id).ValueGeneratedNever();
            flag.Property(f => f.QuestionKey).HasMaxLength(EnumLength);
            flag.Property(f => f.Kind).HasConversion<string>().HasMaxLength(EnumLength);
            flag.Property(f => f.Reason).HasMaxLength(200);
            flag.Property(f => f.BodyAreas).HasMaxLength(1000);
            flag.Property(f => f.ClearancePhysician).HasMaxLength(NameLength * 2);
            flag.Property(f => f.ClearanceOutcome).HasConversion<string>().HasMaxLength(EnumLength);
            flag.Property(f => f.ClearanceNotes).HasMaxLength(TextLength);
            flag.HasIndex(f => f.ClientId);
            flag.Ignore(f => f.BodyAreaCodes);
            flag.Ignore(f => f.IsActive);
        });
    }
}
