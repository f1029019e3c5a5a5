using System.Net;
using System.Net.Http.Json;
using PracticeSuite.Clients.Tests;
using PracticeSuite.SharedKernel.Identity;
using Xunit;

namespace PracticeSuite.Security.Tests;

/// <summary>
/// Issue 16, item 11: every change the issue lists leaves exactly one audit entry naming what was done, by whom and
/// to which record — health information (intake, clearance), the care team, archive, restore, portal invitation,
/// and the clinic's consent text and screening rules. Sign-in, sign-out and refusals are AccountAuditTests.
/// </summary>
public sealed class AuditCoverageTests(SecurityHost host) : IClassFixture<SecurityHost>
{
    private const string ManagerId = "user-manager";
    private static readonly string TherapistAId = "user-" + People.TherapistA;

    [Fact]
    public async Task The_client_submitting_their_intake_and_the_therapist_editing_it_are_each_audited_with_the_version()
    {
        var id = await ClientOnTherapistAsTeamAsync();

        var submitted = await AuditedAsync(() => host.ClientUser(id).PostAsJsonAsync($"/api/clients/{id}/intake", Api.Intake()));
        Assert.Equal(("clients.intake.submitted", "user-" + id, PracticeRole.Client, "Intake", "1", id), submitted);

        var edited = await AuditedAsync(() => host.Therapist(People.TherapistA).PostAsJsonAsync($"/api/clients/{id}/intake", Api.Intake(("fever", []))));
        Assert.Equal(("clients.intake.submitted", TherapistAId, PracticeRole.Therapist, "Intake", "2", id), edited);
    }

    [Fact]
    public async Task A_recorded_clearance_is_audited_on_its_flag()
    {
        var id = await ClientOnTherapistAsTeamAsync();
        await (await host.Therapist(People.TherapistA).PostAsJsonAsync($"/api/clients/{id}/intake", Api.Intake(("heart-condition", [])))).EnsureSuccessAsync();
        var flagId = (await host.Manager().GetJsonAsync($"/api/clients/{id}/eligibility"))["flags"]!.AsArray().Single()!["id"]!.GetValue<Guid>();

        var entry = await AuditedAsync(() => host.Therapist(People.TherapistA).PostAsJsonAsync(
            $"/api/clients/{id}/flags/{flagId}/clearance", new { physician = "Dr Grey", clearedOn = "2026-11-19", outcome = "NoRestriction" }));

        Assert.Equal(("clients.flag.clearance-recorded", TherapistAId, PracticeRole.Therapist, "ScreeningFlag", flagId.ToString(), id), entry);
    }

    [Fact]
    public async Task A_care_team_change_is_audited_for_the_manager_and_for_a_therapist_on_the_team()
    {
        var id = await host.Manager().RegisterAsync(Api.NewClient());

        var byManager = await AuditedAsync(() => host.Manager().SendJsonAsync(HttpMethod.Put, $"/api/clients/{id}/care-team", new { therapistIds = new[] { People.TherapistA } }));
        Assert.Equal(("clients.record.care-team-set", ManagerId, PracticeRole.Manager, "Client", id.ToString(), id), byManager);

        var byTherapist = await AuditedAsync(() => host.Therapist(People.TherapistA).SendJsonAsync(
            HttpMethod.Put, $"/api/clients/{id}/care-team", new { therapistIds = new[] { People.TherapistA, People.TherapistB } }));
        Assert.Equal(("clients.record.care-team-set", TherapistAId, PracticeRole.Therapist, "Client", id.ToString(), id), byTherapist);
    }

    [Fact]
    public async Task Archive_restore_and_a_portal_invitation_are_each_audited_on_the_record()
    {
        var id = await host.Manager().RegisterAsync(Api.NewClient());

        Assert.Equal(("clients.record.archived", ManagerId, PracticeRole.Manager, "Client", id.ToString(), id),
            await AuditedAsync(() => host.Manager().PostAsync($"/api/clients/{id}/archive", null)));
        Assert.Equal(("clients.record.restored", ManagerId, PracticeRole.Manager, "Client", id.ToString(), id),
            await AuditedAsync(() => host.Manager().PostAsync($"/api/clients/{id}/restore", null)));
        Assert.Equal(("clients.record.portal-invited", ManagerId, PracticeRole.Manager, "Client", id.ToString(), id),
            await AuditedAsync(() => host.Manager().PostAsync($"/api/clients/{id}/invite", null)));
    }

    [Fact]
    public async Task Publishing_a_consent_text_is_audited_with_its_new_version()
    {
        var current = (await host.Manager().GetJsonAsync("/api/clients/consent"))["version"]!.GetValue<int>();

        var entry = await AuditedAsync(() => host.Manager().SendJsonAsync(HttpMethod.Put, "/api/clients/consent", new { text = "Consent, reworded for the audit test." }));

        Assert.Equal(("clients.consent.text-published", ManagerId, PracticeRole.Manager, "ConsentText", (current + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), (Guid?)null), entry);
    }

    [Fact]
    public async Task Changing_a_screening_rule_is_audited_with_its_question()
    {
        var entry = await AuditedAsync(() => host.Manager().SendJsonAsync(
            HttpMethod.Put, "/api/clients/screening-rules/varicose-veins", new { kind = "ModifyPressure", reason = "Varicose veins: light pressure only", enabled = true }));

        Assert.Equal(("clients.screening-rule.updated", ManagerId, PracticeRole.Manager, "ScreeningRule", "varicose-veins", (Guid?)null), entry);
    }

    [Fact]
    public async Task A_refused_change_leaves_no_entry()
    {
        var before = host.Factory.Audit.WithActors.Count;

        var refused = await host.Therapist(People.TherapistA).SendJsonAsync(HttpMethod.Put, "/api/clients/consent", new { text = "A therapist's own consent text." });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(before, host.Factory.Audit.WithActors.Count);
    }

    /// <summary>A new client whose care team is therapist A, as the clinic sets it up.</summary>
    private async Task<Guid> ClientOnTherapistAsTeamAsync()
    {
        var id = await host.Manager().RegisterAsync(Api.NewClient());
        await (await host.Manager().SendJsonAsync(HttpMethod.Put, $"/api/clients/{id}/care-team", new { therapistIds = new[] { People.TherapistA } })).EnsureSuccessAsync();
        return id;
    }

    /// <summary>Sends the change and returns the one entry it wrote: action, actor's account and role, record, client.</summary>
    private async Task<(string Action, string? UserId, PracticeRole? Role, string RecordType, string RecordId, Guid? ClientId)> AuditedAsync(Func<Task<HttpResponseMessage>> change)
    {
        var before = host.Factory.Audit.WithActors.Count;
        await (await change()).EnsureSuccessAsync();
        var entry = Assert.Single(host.Factory.Audit.WithActors.Skip(before));
        return (entry.Subject.Action.Code, entry.UserId, entry.Role, entry.Subject.RecordType, entry.Subject.RecordId, entry.Subject.ClientId);
    }
}
