using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Alpha.Domain;
using PracticeSuite.SharedKernel.Hosting.Persistence;

namespace PracticeSuite.Modules.Alpha.Infrastructure;

public sealed class AlphaDbContext(DbContextOptions<AlphaDbContext> options) : ModuleDbContext(options, AlphaMigration.Module)
{
    public DbSet<Visit> Visits => Set<Visit>();

    public DbSet<VisitorTally> Tallies => Set<VisitorTally>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Visit>(visit =>
        {
            visit.ToTable("visits");
            visit.HasKey(v => v.Id);
            visit.Property(v => v.VisitorName).HasMaxLength(100).IsRequired();
            visit.Property(v => v.FeeCurrency).HasMaxLength(3).IsRequired();
            visit.Ignore(v => v.Fee);
            visit.Ignore(v => v.DomainEvents);
        });
        modelBuilder.Entity<VisitorTally>(tally =>
        {
            tally.ToTable("visitor_tallies");
            tally.HasKey(t => t.VisitorName);
            tally.Property(t => t.VisitorName).HasMaxLength(100);
        });
    }
}
