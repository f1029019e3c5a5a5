using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using PracticeSuite.SharedKernel.Hosting.Persistence;

namespace PracticeSuite.SharedKernel.Hosting.Messaging;

/// <summary>The outbox and inbox every module has: their EF mapping and the migration that creates them, kept side by side.</summary>
public static class MessagingModel
{
    public const string OutboxTable = "outbox";
    public const string InboxTable = "inbox";
    public const int TypeLength = 200;
    public const int CorrelationLength = 64;

    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable(OutboxTable);
            outbox.HasKey(m => m.Id);
            outbox.Property(m => m.Type).HasMaxLength(TypeLength);
            outbox.Property(m => m.CorrelationId).HasMaxLength(CorrelationLength);
            outbox.HasIndex(m => m.RelayedAt);
        });
        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable(InboxTable);
            inbox.HasKey(m => m.MessageId);
            inbox.Property(m => m.Type).HasMaxLength(TypeLength);
            inbox.Property(m => m.CorrelationId).HasMaxLength(CorrelationLength);
            inbox.HasIndex(m => new { m.ProcessedAt, m.ParkedAt, m.NextAttemptAt });
        });
    }

    public static void CreateTables(MigrationBuilder migrationBuilder, ModuleTableNaming naming)
    {
        var outbox = naming.Table(OutboxTable);
        migrationBuilder.CreateTable(
            name: outbox,
            schema: naming.Schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                Type = t.Column<string>(maxLength: TypeLength, nullable: false),
                Payload = t.Column<string>(nullable: false),
                CorrelationId = t.Column<string>(maxLength: CorrelationLength, nullable: false),
                OccurredAt = t.Column<DateTime>(nullable: false),
                RelayedAt = t.Column<DateTime>(nullable: true),
            },
            constraints: t => t.PrimaryKey($"PK_{outbox}", m => m.Id));
        migrationBuilder.CreateIndex($"IX_{outbox}_RelayedAt", outbox, "RelayedAt", naming.Schema);

        var inbox = naming.Table(InboxTable);
        migrationBuilder.CreateTable(
            name: inbox,
            schema: naming.Schema,
            columns: t => new
            {
                MessageId = t.Column<Guid>(nullable: false),
                Type = t.Column<string>(maxLength: TypeLength, nullable: false),
                Payload = t.Column<string>(nullable: false),
                CorrelationId = t.Column<string>(maxLength: CorrelationLength, nullable: false),
                OccurredAt = t.Column<DateTime>(nullable: false),
                ReceivedAt = t.Column<DateTime>(nullable: false),
                ProcessedAt = t.Column<DateTime>(nullable: true),
                Attempts = t.Column<int>(nullable: false),
                NextAttemptAt = t.Column<DateTime>(nullable: false),
                LastError = t.Column<string>(nullable: true),
                ParkedAt = t.Column<DateTime>(nullable: true),
            },
            constraints: t => t.PrimaryKey($"PK_{inbox}", m => m.MessageId));
        migrationBuilder.CreateIndex($"IX_{inbox}_Pending", inbox, ["ProcessedAt", "ParkedAt", "NextAttemptAt"], naming.Schema);
    }
}
