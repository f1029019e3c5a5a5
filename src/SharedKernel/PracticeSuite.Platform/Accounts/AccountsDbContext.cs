using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using PracticeSuite.Platform.Audit;
using PracticeSuite.Platform.Clinic;
using PracticeSuite.Platform.Email;
using PracticeSuite.Platform.Tasks;
using PracticeSuite.SharedKernel.Hosting.Persistence;

namespace PracticeSuite.Platform.Accounts;

/// <summary>
/// The platform's own tables: Identity's accounts and roles, single-use tokens, the audit trail, the e-mail log,
/// therapist profiles and the clinic's identity. They live like a module's: schema <c>accounts</c> on PostgreSQL, prefix
/// <c>accounts_</c> on SQLite, with their own migration history.
/// </summary>
internal sealed class AccountsDbContext(DbContextOptions<AccountsDbContext> options, UnitOfWorkContext unitOfWork) : IdentityDbContext<PracticeUser>(options)
{
    public const string ModuleName = "Accounts";

    public ModuleTableNaming Naming => ModuleTableNaming.For(ModuleName, Database.ProviderName);

    public DbSet<AccountToken> AccountTokens => Set<AccountToken>();

    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();

    public DbSet<EmailRecord> Emails => Set<EmailRecord>();

    public DbSet<EmailAttachmentRecord> EmailAttachments => Set<EmailAttachmentRecord>();

    public DbSet<SignInSession> Sessions => Set<SignInSession>();

    public DbSet<ClinicIdentityRecord> ClinicIdentity => Set<ClinicIdentityRecord>();

    public DbSet<StaffTaskRecord> StaffTasks => Set<StaffTaskRecord>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<PracticeUser>(user =>
        {
            user.ToTable("users");
            user.Property(u => u.DisplayName).HasMaxLength(200).IsRequired();
            user.HasIndex(u => u.ClientId);
            user.HasIndex(u => u.TherapistId);
        });
        builder.Entity<IdentityRole>().ToTable("roles");
        builder.Entity<IdentityUserRole<string>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<string>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("role_claims");

        builder.Entity<AccountToken>(token =>
        {
            token.ToTable("account_tokens");
            token.Property(t => t.UserId).HasMaxLength(450).IsRequired();
            token.Property(t => t.Purpose).HasMaxLength(32).IsRequired();
            token.Property(t => t.TokenHash).HasMaxLength(64).IsRequired();
            token.HasIndex(t => t.TokenHash).IsUnique();
        });
        builder.Entity<SignInSession>(session =>
        {
            session.ToTable("sessions");
            session.Property(s => s.UserId).HasMaxLength(450).IsRequired();
            session.Property(s => s.EndReason).HasMaxLength(32);
            session.HasIndex(s => s.UserId);
        });
        builder.Entity<AuditRecord>(audit =>
        {
            audit.ToTable("audit_entries");
            audit.Property(a => a.UserId).HasMaxLength(450);
            audit.Property(a => a.Role).HasMaxLength(20);
            audit.Property(a => a.Action).HasMaxLength(100).IsRequired();
            audit.Property(a => a.Kind).HasConversion<string>().HasMaxLength(10).IsRequired();
            audit.Property(a => a.RecordType).HasMaxLength(100).IsRequired();
            audit.Property(a => a.RecordId).HasMaxLength(100).IsRequired();
            audit.Property(a => a.IpAddress).HasMaxLength(64);
            audit.HasIndex(a => a.OccurredAt);
            audit.HasIndex(a => a.ClientId);
        });
        builder.Entity<EmailRecord>(email =>
        {
            email.ToTable(EmailRecord.Table);
            email.Property(e => e.Recipient).HasMaxLength(320).IsRequired();
            email.Property(e => e.Subject).HasMaxLength(300).IsRequired();
            email.Property(e => e.TextBody).IsRequired();
            email.Property(e => e.Kind).HasMaxLength(64).IsRequired();
            email.Property(e => e.IdempotencyKey).HasMaxLength(200).IsRequired();
            email.Property(e => e.Status).HasConversion<string>().HasMaxLength(20).IsRequired();
            email.Property(e => e.ServerResponse).HasMaxLength(1000);
            email.HasIndex(e => e.IdempotencyKey).IsUnique();
            email.HasIndex(e => new { e.Status, e.NextAttemptAt });
            email.HasIndex(e => e.ClientId);
            email.HasMany(e => e.Attachments).WithOne().HasForeignKey(a => a.EmailId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<EmailAttachmentRecord>(attachment =>
        {
            attachment.ToTable(EmailAttachmentRecord.Table);
            attachment.Property(a => a.FileName).HasMaxLength(EmailAttachmentLimits.MaxFileNameLength).IsRequired();
            attachment.Property(a => a.ContentType).HasMaxLength(EmailAttachmentLimits.MaxContentTypeLength).IsRequired();
        });
        builder.Entity<ClinicIdentityRecord>(clinic =>
        {
            clinic.ToTable(ClinicIdentityRecord.Table);
            clinic.Property(c => c.Id).ValueGeneratedNever();
            clinic.Property(c => c.Name).HasMaxLength(ClinicIdentityEditor.MaxNameLength).IsRequired();
            clinic.Property(c => c.Address).HasMaxLength(ClinicIdentityEditor.MaxAddressLength);
            clinic.Property(c => c.Phone).HasMaxLength(ClinicIdentityEditor.MaxPhoneLength);
            clinic.Property(c => c.TaxNumber).HasMaxLength(ClinicIdentityEditor.MaxTaxNumberLength);
            clinic.Property(c => c.SenderName).HasMaxLength(ClinicIdentityEditor.MaxSenderNameLength);
            clinic.Property(c => c.SenderAddress).HasMaxLength(ClinicIdentityEditor.MaxSenderAddressLength);
            clinic.Property(c => c.LogoContentType).HasMaxLength(20);
        });

        builder.Entity<StaffTaskRecord>(task =>
        {
            task.ToTable(StaffTaskRecord.Table);
            task.Property(t => t.Id).ValueGeneratedNever();
            task.Property(t => t.Title).HasMaxLength(StaffTaskRecord.MaxTitleLength).IsRequired();
            task.Property(t => t.Details).HasMaxLength(StaffTaskRecord.MaxDetailsLength);
            task.Property(t => t.AssigneeUserId).HasMaxLength(450);
            task.Property(t => t.AssigneeRole).HasMaxLength(20);
            task.Property(t => t.AboutModule).HasMaxLength(100);
            task.Property(t => t.AboutRecordId).HasMaxLength(100);
            task.Property(t => t.AboutLabel).HasMaxLength(StaffTaskRecord.MaxLabelLength);
            task.Property(t => t.AboutPath).HasMaxLength(StaffTaskRecord.MaxPathLength);
            task.Property(t => t.IdempotencyKey).HasMaxLength(StaffTaskRecord.MaxKeyLength);
            task.Property(t => t.CreatedByUserId).HasMaxLength(450);
            task.Property(t => t.DoneByUserId).HasMaxLength(450);
            task.HasIndex(t => t.IdempotencyKey).IsUnique();
            task.HasIndex(t => new { t.AssigneeUserId, t.DoneAt });
            task.HasIndex(t => new { t.AssigneeRole, t.DoneAt });
            task.HasIndex(t => new { t.DoneAt, t.DueOn });
            task.HasIndex(t => new { t.AboutModule, t.AboutRecordId });
            task.HasIndex(t => t.ClientId);
        });

        ModuleModelConventions.PlaceTables(builder, Naming);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        ModuleModelConventions.StoreDateTimesAsUtc(configurationBuilder);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseAuditChanges();
        if (unitOfWork.Current?.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException("Inside a command, save the platform's tables with SaveChangesAsync, which joins the command's transaction.");
        }

        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditChanges();
        // Inside a module's command (an audited change, an erased account, a queued invitation) these rows
        // commit with the command's own.
        if (!await unitOfWork.EnlistAsync(this, cancellationToken))
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            await UnitOfWorkContext.LeaveAsync(this, cancellationToken);
        }
    }

    /// <summary>Runs <paramref name="action"/> once what this context saved is committed (see <see cref="UnitOfWorkContext.AfterCommit"/>).</summary>
    public void AfterCommit(Action action) => unitOfWork.AfterCommit(action);

    /// <summary>
    /// A transaction for several writes to the platform's tables: inside a module's command it is a savepoint in the
    /// command's transaction (the command commits it); otherwise a transaction of its own.
    /// </summary>
    public async Task<AccountsTransaction> BeginOrJoinTransactionAsync(CancellationToken cancellationToken)
    {
        if (await unitOfWork.EnlistAsync(this, cancellationToken))
        {
            await Database.CurrentTransaction!.CreateSavepointAsync(AccountsTransaction.Savepoint, cancellationToken);
            return new AccountsTransaction(this, own: null);
        }

        return new AccountsTransaction(this, await Database.BeginTransactionAsync(cancellationToken));
    }

    /// <summary>The audit trail is append-only: nothing may change or remove an entry.</summary>
    private void RefuseAuditChanges()
    {
        if (ChangeTracker.Entries<AuditRecord>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Audit entries are append-only.");
        }
    }

    public sealed class AccountsTransaction(AccountsDbContext db, IDbContextTransaction? own) : IAsyncDisposable
    {
        internal const string Savepoint = "host_work";

        public Task CommitAsync(CancellationToken cancellationToken) =>
            own?.CommitAsync(cancellationToken) ?? Task.CompletedTask; // joined: the command commits

        public Task RollbackAsync(CancellationToken cancellationToken) =>
            own?.RollbackAsync(cancellationToken) ?? db.Database.CurrentTransaction!.RollbackToSavepointAsync(Savepoint, cancellationToken);

        public async ValueTask DisposeAsync()
        {
            if (own is null)
            {
                await UnitOfWorkContext.LeaveAsync(db, CancellationToken.None);
            }
            else
            {
                await own.DisposeAsync();
            }
        }
    }
}
