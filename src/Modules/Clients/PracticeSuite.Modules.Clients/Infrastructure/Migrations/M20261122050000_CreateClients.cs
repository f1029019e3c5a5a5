using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PracticeSuite.SharedKernel.Hosting.Persistence;

namespace PracticeSuite.Modules.Clients.Infrastructure.Migrations;

[DbContext(typeof(ClientsDbContext))]
[Migration("20261122050000_CreateClients")]
internal sealed class M20261122050000_CreateClients : ClientsMigration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        EnsureModuleSchema(migrationBuilder);
        CreateMessagingTables(migrationBuilder);

        var clients = Table("clients");
        migrationBuilder.CreateTable(
            name: clients,
            schema: Schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                GivenName = t.Column<string>(maxLength: 100, nullable: false),
                FamilyName = t.Column<string>(maxLength: 100, nullable: false),
                DateOfBirth = t.Column<DateOnly>(nullable: true),
                Email = t.Column<string>(maxLength: 254, nullable: true),
                Phone = t.Column<string>(maxLength: 30, nullable: true),
                Address = t.Column<string>(maxLength: 500, nullable: true),
                EmergencyContactName = t.Column<string>(maxLength: 100, nullable: true),
                EmergencyContactPhone = t.Column<string>(maxLength: 30, nullable: true),
                TimeZone = t.Column<string>(maxLength: 64, nullable: false),
                PressurePreference = t.Column<string>(maxLength: 40, nullable: false),
                PainThresholdNotes = t.Column<string>(maxLength: 2000, nullable: true),
                SortName = t.Column<string>(maxLength: 201, nullable: false),
                NormalisedEmail = t.Column<string>(maxLength: 254, nullable: true),
                NormalisedFullName = t.Column<string>(maxLength: 201, nullable: true),
                PortalUserId = t.Column<string>(maxLength: 64, nullable: true),
                RegisteredAt = t.Column<DateTime>(nullable: false),
                ArchivedAt = t.Column<DateTime>(nullable: true),
                ErasedAt = t.Column<DateTime>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_" + clients, x => x.Id));
        migrationBuilder.CreateIndex($"IX_{clients}_SortName", clients, "SortName", Schema);
        migrationBuilder.CreateIndex($"IX_{clients}_NormalisedEmail", clients, "NormalisedEmail", Schema);
        migrationBuilder.CreateIndex($"IX_{clients}_NormalisedFullName_DateOfBirth", clients, ["NormalisedFullName", "DateOfBirth"], Schema);

        var careTeam = Table("care_team_members");
        migrationBuilder.CreateTable(
            name: careTeam,
            schema: Schema,
            columns: t => new
            {
                ClientId = t.Column<Guid>(nullable: false),
                TherapistId = t.Column<Guid>(nullable: false),
                Position = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_" + careTeam, x => new { x.ClientId, x.TherapistId });
                t.ForeignKey($"FK_{careTeam}_ClientId", x => x.ClientId, clients, "Id", Schema, onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex($"IX_{careTeam}_TherapistId", careTeam, "TherapistId", Schema);

        var preferences = Table("contact_preferences");
        migrationBuilder.CreateTable(
            name: preferences,
            schema: Schema,
            columns: t => new
            {
                ClientId = t.Column<Guid>(nullable: false),
                Kind = t.Column<string>(maxLength: 40, nullable: false),
                Channel = t.Column<string>(maxLength: 40, nullable: false),
                Allowed = t.Column<bool>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_" + preferences, x => new { x.ClientId, x.Kind, x.Channel });
                t.ForeignKey($"FK_{preferences}_ClientId", x => x.ClientId, clients, "Id", Schema, onDelete: ReferentialAction.Cascade);
            });

        var terms = Table("client_search_terms");
        migrationBuilder.CreateTable(
            name: terms,
            schema: Schema,
            columns: t => new
            {
                ClientId = t.Column<Guid>(nullable: false),
                Term = t.Column<string>(maxLength: 100, nullable: false),
                SortName = t.Column<string>(maxLength: 201, nullable: false),
                Archived = t.Column<bool>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_" + terms, x => new { x.ClientId, x.Term });
                t.ForeignKey($"FK_{terms}_ClientId", x => x.ClientId, clients, "Id", Schema, onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex($"IX_{terms}_Term_SortName_ClientId_Archived", terms, ["Term", "SortName", "ClientId", "Archived"], Schema);

        var intakes = Table("intake_versions");
        migrationBuilder.CreateTable(
            name: intakes,
            schema: Schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                ClientId = t.Column<Guid>(nullable: false),
                Version = t.Column<int>(nullable: false),
                AnswersJson = t.Column<string>(nullable: false),
                SubmittedAt = t.Column<DateTime>(nullable: false),
                SubmittedByUserId = t.Column<string>(maxLength: 64, nullable: true),
                SubmittedByStaff = t.Column<bool>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_" + intakes, x => x.Id));
        migrationBuilder.CreateIndex($"IX_{intakes}_ClientId_Version", intakes, ["ClientId", "Version"], Schema, unique: true);

        var consentTexts = Table("consent_texts");
        migrationBuilder.CreateTable(
            name: consentTexts,
            schema: Schema,
            columns: t => new
            {
                Version = t.Column<int>(nullable: false),
                Text = t.Column<string>(nullable: false),
                PublishedAt = t.Column<DateTime>(nullable: false),
                PublishedByUserId = t.Column<string>(maxLength: 64, nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_" + consentTexts, x => x.Version));

        var signatures = Table("consent_signatures");
        migrationBuilder.CreateTable(
            name: signatures,
            schema: Schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                ClientId = t.Column<Guid>(nullable: false),
                ConsentVersion = t.Column<int>(nullable: false),
                TypedName = t.Column<string>(maxLength: 200, nullable: false),
                SignedAt = t.Column<DateTime>(nullable: false),
                IpAddress = t.Column<string>(maxLength: 64, nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_" + signatures, x => x.Id));
        migrationBuilder.CreateIndex($"IX_{signatures}_ClientId_ConsentVersion", signatures, ["ClientId", "ConsentVersion"], Schema);

        var rules = Table("screening_rules");
        migrationBuilder.CreateTable(
            name: rules,
            schema: Schema,
            columns: t => new
            {
                QuestionKey = t.Column<string>(maxLength: 40, nullable: false),
                Kind = t.Column<string>(maxLength: 40, nullable: false),
                Reason = t.Column<string>(maxLength: 200, nullable: false),
                Enabled = t.Column<bool>(nullable: false),
                UpdatedAt = t.Column<DateTime>(nullable: true),
                UpdatedByUserId = t.Column<string>(maxLength: 64, nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_" + rules, x => x.QuestionKey));

        var flags = Table("screening_flags");
        migrationBuilder.CreateTable(
            name: flags,
            schema: Schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                ClientId = t.Column<Guid>(nullable: false),
                QuestionKey = t.Column<string>(maxLength: 40, nullable: false),
                Kind = t.Column<string>(maxLength: 40, nullable: false),
                Reason = t.Column<string>(maxLength: 200, nullable: false),
                BodyAreas = t.Column<string>(maxLength: 1000, nullable: false),
                Day = t.Column<DateOnly>(nullable: true),
                RaisedByIntakeVersion = t.Column<int>(nullable: false),
                RaisedAt = t.Column<DateTime>(nullable: false),
                ResolvedAt = t.Column<DateTime>(nullable: true),
                ClearancePhysician = t.Column<string>(maxLength: 200, nullable: true),
                ClearedOn = t.Column<DateOnly>(nullable: true),
                ClearanceOutcome = t.Column<string>(maxLength: 40, nullable: true),
                ClearanceExpiresOn = t.Column<DateOnly>(nullable: true),
                ClearanceNotes = t.Column<string>(maxLength: 2000, nullable: true),
                ClearanceRecordedAt = t.Column<DateTime>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_" + flags, x => x.Id));
        migrationBuilder.CreateIndex($"IX_{flags}_ClientId", flags, "ClientId", Schema);

        SeedScreeningRules(migrationBuilder, rules);
        migrationBuilder.InsertData(
            table: consentTexts,
            columns: ["Version", "Text", "PublishedAt", "PublishedByUserId"],
            columnTypes: Provider == DatabaseProvider.Postgres
                ? ["integer", "text", "timestamp with time zone", "character varying(64)"]
                : ["INTEGER", "TEXT", "TEXT", "TEXT"],
            values: new object?[] { 1, InitialConsentText, new DateTime(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc), null },
            schema: Schema);
    }

    // The rules as first shipped (the domain guide's screening table); the clinic edits them afterwards.
    // Seeds name their column types: hand-written migrations carry no model snapshot to take them from.
    // Written out here rather than read from the question catalogue, so this migration never changes.
    private void SeedScreeningRules(MigrationBuilder migrationBuilder, string rules)
    {
        (string Key, string Kind, string Reason)[] seed =
        [
            ("cancer-treatment", "RequiresPhysicianClearance", "Cancer under treatment"),
            ("clotting", "RequiresPhysicianClearance", "Deep-vein thrombosis or clotting disorder"),
            ("recent-surgery", "RequiresPhysicianClearance", "Recent surgery"),
            ("heart-condition", "RequiresPhysicianClearance", "Serious heart condition"),
            ("pregnancy", "RequiresPhysicianClearance", "Pregnancy (clinic policy)"),
            ("open-wound", "Local", "Open wound"),
            ("skin-infection", "Local", "Skin infection"),
            ("recent-fracture", "Local", "Recent fracture"),
            ("varicose-veins", "Local", "Varicose veins"),
            ("acute-inflammation", "Local", "Acute inflammation"),
            ("anticoagulants", "ModifyPressure", "Anticoagulant medication (bruising)"),
            ("osteoporosis", "ModifyPressure", "Osteoporosis"),
            ("diabetes-sensation", "ModifyPressure", "Diabetes with reduced sensation (pain feedback unreliable)"),
            ("low-pain-threshold", "ModifyPressure", "Low pain threshold"),
            ("fever", "AbsoluteToday", "Fever"),
            ("acute-illness", "AbsoluteToday", "Acute illness"),
            ("intoxication", "AbsoluteToday", "Intoxication"),
        ];
        foreach (var (key, kind, reason) in seed)
        {
            migrationBuilder.InsertData(
                table: rules,
                columns: ["QuestionKey", "Kind", "Reason", "Enabled"],
                columnTypes: Provider == DatabaseProvider.Postgres
                    ? ["character varying(40)", "character varying(40)", "character varying(200)", "boolean"]
                    : ["TEXT", "TEXT", "TEXT", "INTEGER"],
                values: new object[] { key, kind, reason, true },
                schema: Schema);
        }
    }

    private const string InitialConsentText =
        "I consent to neuromuscular therapy and related soft-tissue treatment by the clinic's therapists. " +
        "I have answered the health questions truthfully and will tell my therapist about any change in my health. " +
        "I understand that treatment may cause temporary soreness, that I can ask for lighter pressure or to stop at any time, " +
        "and that the therapist does not diagnose illness or replace my physician.";

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "screening_flags", "screening_rules", "consent_signatures", "consent_texts", "intake_versions", "client_search_terms", "contact_preferences", "care_team_members", "clients", "inbox", "outbox" })
        {
            migrationBuilder.DropTable(Table(table), Schema);
        }
    }
}
