using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using PracticeSuite.SharedKernel.Hosting.Persistence;

namespace PracticeSuite.Platform.Accounts.Migrations;

/// <summary>Identity's tables, single-use tokens, audit trail, e-mail log and therapist profiles.</summary>
[DbContext(typeof(AccountsDbContext))]
[Migration("20261122050000_CreateAccounts")]
internal sealed class M20261122050000_CreateAccounts : ModuleMigration
{
    protected override string ModuleName => AccountsDbContext.ModuleName;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        EnsureModuleSchema(migrationBuilder);
        migrationBuilder.CreateTable(
            name: Table("roles"),
            schema: Schema,
            columns: t => new
            {
                Id = t.Column<string>(nullable: false),
                Name = t.Column<string>(maxLength: 256, nullable: true),
                NormalizedName = t.Column<string>(maxLength: 256, nullable: true),
                ConcurrencyStamp = t.Column<string>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_" + Table("roles"), x => x.Id));
        migrationBuilder.CreateIndex(Table("RoleNameIndex"), Table("roles"), "NormalizedName", Schema, unique: true);

        migrationBuilder.CreateTable(
            name: Table("users"),
            schema: Schema,
            columns: t => new
            {
                Id = t.Column<string>(nullable: false),
                DisplayName = t.Column<string>(maxLength: 200, nullable: false),
                ClientId = t.Column<Guid>(nullable: true),
                TherapistId = t.Column<Guid>(nullable: true),
                CreatedAt = t.Column<DateTime>(nullable: false),
                UserName = t.Column<string>(maxLength: 256, nullable: true),
                NormalizedUserName = t.Column<string>(maxLength: 256, nullable: true),
                Email = t.Column<string>(maxLength: 256, nullable: true),
                NormalizedEmail = t.Column<string>(maxLength: 256, nullable: true),
                EmailConfirmed = t.Column<bool>(nullable: false),
                PasswordHash = t.Column<string>(nullable: true),
                SecurityStamp = t.Column<string>(nullable: true),
                ConcurrencyStamp = t.Column<string>(nullable: true),
                PhoneNumber = t.Column<string>(nullable: true),
                PhoneNumberConfirmed = t.Column<bool>(nullable: false),
                TwoFactorEnabled = t.Column<bool>(nullable: false),
                LockoutEnd = t.Column<DateTimeOffset>(nullable: true),
                LockoutEnabled = t.Column<bool>(nullable: false),
                AccessFailedCount = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_" + Table("users"), x => x.Id));
        migrationBuilder.CreateIndex(Table("EmailIndex"), Table("users"), "NormalizedEmail", Schema);
        migrationBuilder.CreateIndex(Table("UserNameIndex"), Table("users"), "NormalizedUserName", Schema, unique: true);
        migrationBuilder.CreateIndex(Table("IX_users_ClientId"), Table("users"), "ClientId", Schema);
        migrationBuilder.CreateIndex(Table("IX_users_TherapistId"), Table("users"), "TherapistId", Schema);

        migrationBuilder.CreateTable(
            name: Table("role_claims"),
            schema: Schema,
            columns: t => new
            {
                Id = IdentityColumn(t),
                RoleId = t.Column<string>(nullable: false),
                ClaimType = t.Column<string>(nullable: true),
                ClaimValue = t.Column<string>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_" + Table("role_claims"), x => x.Id);
                t.ForeignKey("FK_" + Table("role_claims_roles"), x => x.RoleId, Table("roles"), "Id", Schema, onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateTable(
            name: Table("user_claims"),
            schema: Schema,
            columns: t => new
            {
                Id = IdentityColumn(t),
                UserId = t.Column<string>(nullable: false),
                ClaimType = t.Column<string>(nullable: true),
                ClaimValue = t.Column<string>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_" + Table("user_claims"), x => x.Id);
                t.ForeignKey("FK_" + Table("user_claims_users"), x => x.UserId, Table("users"), "Id", Schema, onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateTable(
            name: Table("user_logins"),
            schema: Schema,
            columns: t => new
            {
                LoginProvider = t.Column<string>(nullable: false),
                ProviderKey = t.Column<string>(nullable: false),
                ProviderDisplayName = t.Column<string>(nullable: true),
                UserId = t.Column<string>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_" + Table("user_logins"), x => new { x.LoginProvider, x.ProviderKey });
                t.ForeignKey("FK_" + Table("user_logins_users"), x => x.UserId, Table("users"), "Id", Schema, onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateTable(
            name: Table("user_roles"),
            schema: Schema,
            columns: t => new
            {
                UserId = t.Column<string>(nullable: false),
                RoleId = t.Column<string>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_" + Table("user_roles"), x => new { x.UserId, x.RoleId });
                t.ForeignKey("FK_" + Table("user_roles_roles"), x => x.RoleId, Table("roles"), "Id", Schema, onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_" + Table("user_roles_users"), x => x.UserId, Table("users"), "Id", Schema, onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateTable(
            name: Table("user_tokens"),
            schema: Schema,
            columns: t => new
            {
                UserId = t.Column<string>(nullable: false),
                LoginProvider = t.Column<string>(nullable: false),
                Name = t.Column<string>(nullable: false),
                Value = t.Column<string>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_" + Table("user_tokens"), x => new { x.UserId, x.LoginProvider, x.Name });
                t.ForeignKey("FK_" + Table("user_tokens_users"), x => x.UserId, Table("users"), "Id", Schema, onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(Table("IX_role_claims_RoleId"), Table("role_claims"), "RoleId", Schema);
        migrationBuilder.CreateIndex(Table("IX_user_claims_UserId"), Table("user_claims"), "UserId", Schema);
        migrationBuilder.CreateIndex(Table("IX_user_logins_UserId"), Table("user_logins"), "UserId", Schema);
        migrationBuilder.CreateIndex(Table("IX_user_roles_RoleId"), Table("user_roles"), "RoleId", Schema);

        migrationBuilder.CreateTable(
            name: Table("account_tokens"),
            schema: Schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                UserId = t.Column<string>(maxLength: 450, nullable: false),
                Purpose = t.Column<string>(maxLength: 32, nullable: false),
                TokenHash = t.Column<string>(maxLength: 64, nullable: false),
                CreatedAt = t.Column<DateTime>(nullable: false),
                ExpiresAt = t.Column<DateTime>(nullable: false),
                UsedAt = t.Column<DateTime>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_" + Table("account_tokens"), x => x.Id));
        migrationBuilder.CreateIndex(Table("IX_account_tokens_TokenHash"), Table("account_tokens"), "TokenHash", Schema, unique: true);

        migrationBuilder.CreateTable(
            name: Table("audit_entries"),
            schema: Schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                OccurredAt = t.Column<DateTime>(nullable: false),
                UserId = t.Column<string>(maxLength: 450, nullable: true),
                Role = t.Column<string>(maxLength: 20, nullable: true),
                Action = t.Column<string>(maxLength: 100, nullable: false),
                RecordType = t.Column<string>(maxLength: 100, nullable: false),
                RecordId = t.Column<string>(maxLength: 100, nullable: false),
                ClientId = t.Column<Guid>(nullable: true),
                IpAddress = t.Column<string>(maxLength: 64, nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_" + Table("audit_entries"), x => x.Id));
        migrationBuilder.CreateIndex(Table("IX_audit_entries_OccurredAt"), Table("audit_entries"), "OccurredAt", Schema);
        migrationBuilder.CreateIndex(Table("IX_audit_entries_ClientId"), Table("audit_entries"), "ClientId", Schema);

        migrationBuilder.CreateTable(
            name: Table("email_messages"),
            schema: Schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                Recipient = t.Column<string>(maxLength: 320, nullable: false),
                Subject = t.Column<string>(maxLength: 300, nullable: false),
                TextBody = t.Column<string>(nullable: false),
                HtmlBody = t.Column<string>(nullable: true),
                Kind = t.Column<string>(maxLength: 64, nullable: false),
                IdempotencyKey = t.Column<string>(maxLength: 200, nullable: false),
                Status = t.Column<string>(maxLength: 20, nullable: false),
                Attempts = t.Column<int>(nullable: false),
                QueuedAt = t.Column<DateTime>(nullable: false),
                LastAttemptAt = t.Column<DateTime>(nullable: true),
                NextAttemptAt = t.Column<DateTime>(nullable: true),
                ServerResponse = t.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_" + Table("email_messages"), x => x.Id));
        migrationBuilder.CreateIndex(Table("IX_email_messages_IdempotencyKey"), Table("email_messages"), "IdempotencyKey", Schema, unique: true);
        migrationBuilder.CreateIndex(Table("IX_email_messages_Status_NextAttemptAt"), Table("email_messages"), ["Status", "NextAttemptAt"], Schema);

        migrationBuilder.CreateTable(
            name: Table("therapist_profiles"),
            schema: Schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                DisplayName = t.Column<string>(maxLength: 200, nullable: false),
                Bio = t.Column<string>(maxLength: 4000, nullable: false),
                CreatedAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_" + Table("therapist_profiles"), x => x.Id));
        migrationBuilder.CreateTable(
            name: Table("therapist_credentials"),
            schema: Schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                TherapistId = t.Column<Guid>(nullable: false),
                Kind = t.Column<string>(maxLength: 20, nullable: false),
                Title = t.Column<string>(maxLength: 200, nullable: false),
                Number = t.Column<string>(maxLength: 100, nullable: false),
                Issuer = t.Column<string>(maxLength: 200, nullable: false),
                ExpiresOn = t.Column<DateOnly>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_" + Table("therapist_credentials"), x => x.Id);
                t.ForeignKey("FK_" + Table("therapist_credentials_profiles"), x => x.TherapistId, Table("therapist_profiles"), "Id", Schema, onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(Table("IX_therapist_credentials_TherapistId"), Table("therapist_credentials"), "TherapistId", Schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "therapist_credentials", "therapist_profiles", "email_messages", "audit_entries", "account_tokens",
                     "user_tokens", "user_roles", "user_logins", "user_claims", "role_claims", "users", "roles" })
        {
            migrationBuilder.DropTable(Table(table), Schema);
        }
    }

    /// <summary>An auto-numbered integer key on either provider (each ignores the other's annotation).</summary>
    private static OperationBuilder<AddColumnOperation> IdentityColumn(ColumnsBuilder t) =>
        t.Column<int>(nullable: false)
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
}
