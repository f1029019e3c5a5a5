using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Autofac;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.Platform.Clinic;
using PracticeSuite.Platform.Email;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Identity;
using PracticeSuite.SharedKernel.Messaging;
using PracticeSuite.Testing;
using Xunit;

namespace PracticeSuite.Accounts.Tests;

/// <summary>
/// The clinic's identity (issue 17): a manager names the clinic, and clients meet that name on every page, in every
/// e-mail's sender and signature; the logo is taken only when its bytes are an image, and every change is audited.
/// </summary>
[Trait("Category", "Persistence")]
public sealed class ClinicIdentityTests(AccountsFixture host) : IClassFixture<AccountsFixture>
{
    private const string Page = "/Manage/Clinic";

    private static Dictionary<string, string> Details(string name) => new()
    {
        ["Input.Name"] = name,
        ["Input.Address"] = "14 Narrow Quay\r\nBristol BS1 4QA",
        ["Input.Phone"] = "+44 117 496 0123",
        ["Input.TaxNumber"] = "GB 123 4567 89",
        ["Input.SenderName"] = "Harbourside Front Desk",
        ["Input.SenderAddress"] = "frontdesk@harbourside.example",
    };

    [Fact]
    public async Task A_manager_names_the_clinic_and_every_page_shows_it_with_the_change_audited()
    {
        var manager = await host.SignedInClientAsync(host.Personas.Manager.Email);
        var saved = await AccountsFixture.PostFormAsync(manager, Page, Details("Riverside Bodywork"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var page = WebUtility.HtmlDecode(await manager.GetStringAsync(Page));
        Assert.Contains("The clinic's details are saved.", page);
        Assert.Contains("<title>The clinic · Riverside Bodywork</title>", page);
        var signIn = WebUtility.HtmlDecode(await host.CreateClient().GetStringAsync("/Account/Login"));
        Assert.Contains("<title>Sign in · Riverside Bodywork</title>", signIn);
        Assert.Matches(new Regex(@"class=""brand""[^>]*>(<img[^>]*>)?<span>Riverside Bodywork</span>"), signIn);
        Assert.DoesNotContain("PracticeSuite</a>", signIn);

        var entry = await host.InScopeAsync(scope => scope.Resolve<AccountsDbContext>().AuditRecords.AsNoTracking()
            .Where(r => r.Action == ClinicAudit.DetailsChanged.Code).OrderByDescending(r => r.OccurredAt).FirstAsync());
        Assert.Equal(host.Personas.Manager.UserId, entry.UserId);
        Assert.Equal(ClinicAudit.RecordType, entry.RecordType);
    }

    [Fact]
    public async Task Saving_what_is_already_there_records_nothing()
    {
        var manager = await host.SignedInClientAsync(host.Personas.Manager.Email);
        await AccountsFixture.PostFormAsync(manager, Page, Details("Quayside Clinic"));
        var before = await CountAsync(ClinicAudit.DetailsChanged);

        await AccountsFixture.PostFormAsync(manager, Page, Details("Quayside Clinic"));

        Assert.Equal(before, await CountAsync(ClinicAudit.DetailsChanged));
        Assert.Contains("Nothing was changed.", await manager.GetStringAsync(Page));
    }

    [Fact]
    public async Task Wrong_details_are_told_in_words_beside_each_field_and_nothing_is_saved()
    {
        var manager = await host.SignedInClientAsync(host.Personas.Manager.Email);
        var before = await CurrentAsync();
        var details = Details("");
        details["Input.Phone"] = "call reception";
        details["Input.SenderAddress"] = "Front desk <desk@harbourside.example>";

        var refused = await AccountsFixture.PostFormAsync(manager, Page, details);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Enter the clinic's name, as clients know it.", page);
        Assert.Contains("Enter a phone number with digits, spaces and + ( ) - only", page);
        Assert.Contains("Enter one e-mail address, e.g. hello@yourclinic.example, without a name or brackets.", page);
        Assert.Equal(before, await CurrentAsync());
    }

    [Fact]
    public async Task A_logo_is_taken_only_when_its_bytes_are_a_png_or_jpeg_of_at_most_512_kb()
    {
        var manager = await host.SignedInClientAsync(host.Personas.Manager.Email);

        var disguised = await PostWithLogoAsync(manager, "logo.png", "image/png", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8.ToArray());
        Assert.Equal(HttpStatusCode.OK, disguised.StatusCode);
        Assert.Contains("That file is not a PNG or JPEG image.", await disguised.Content.ReadAsStringAsync());

        var large = TestImages.Png().Concat(new byte[ClinicLogoFile.MaxBytes]).ToArray();
        var tooLarge = await PostWithLogoAsync(manager, "big.png", "image/png", large);
        Assert.Equal(HttpStatusCode.OK, tooLarge.StatusCode);
        Assert.Contains("it may be at most 512 KB", await tooLarge.Content.ReadAsStringAsync());

        var logo = TestImages.Png();
        var accepted = await PostWithLogoAsync(manager, "logo.txt", "text/plain", logo); // its bytes decide, not its name
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        var url = Regex.Match(await host.CreateClient().GetStringAsync("/Account/Login"), @"<img class=""brand-logo"" src=""([^""]+)""").Groups[1].Value;
        Assert.StartsWith(ClinicLogo.Path + "?v=", url);
        using var served = await host.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(logo, await served.Content.ReadAsByteArrayAsync());
        Assert.Contains("immutable", served.Headers.CacheControl?.ToString());
        Assert.Equal(1, await CountAsync(ClinicAudit.LogoChanged));
    }

    [Fact]
    public async Task E_mails_come_from_the_clinics_sender_sign_off_with_its_name_and_invite_to_its_portal()
    {
        var manager = await host.SignedInClientAsync(host.Personas.Manager.Email);
        Assert.Equal(HttpStatusCode.Redirect, (await AccountsFixture.PostFormAsync(manager, Page, Details("Harbourside Bodywork"))).StatusCode);

        await host.InScopeAsync(scope => scope.Resolve<IAccounts>().InviteAsync(
            new AccountInvitation("nia@personas.test", "Nia Newcomer", PracticeRole.Client, Guid.NewGuid()), CancellationToken.None));
        var invitation = await host.LastEmailToAsync("nia@personas.test");
        Assert.Equal("You are invited to Harbourside Bodywork's client portal", invitation.Subject);
        Assert.DoesNotContain("PracticeSuite", invitation.Subject + invitation.TextBody);
        Assert.EndsWith("\n\nHarbourside Bodywork\n+44 117 496 0123\n", invitation.TextBody);

        await host.InScopeAsync(scope => scope.Resolve<IMediator>().Send(new DeliverQueuedEmails(), CancellationToken.None));
        var delivered = await host.InScopeAsync(scope => scope.Resolve<AccountsDbContext>().Emails.AsNoTracking().SingleAsync(e => e.Id == invitation.Id));
        var eml = await File.ReadAllTextAsync(delivered.ServerResponse!["written to folder: ".Length..]);
        Assert.Matches(new Regex(@"(?m)^From: ""?Harbourside Front Desk""? <frontdesk@harbourside\.example>\r?$"), eml);
    }

    private async Task<HttpResponseMessage> PostWithLogoAsync(HttpClient client, string fileName, string contentType, byte[] content)
    {
        var page = await client.GetStringAsync(Page);
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in Details("Harbourside Bodywork"))
        {
            form.Add(new StringContent(value), name);
        }

        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "Logo", fileName);
        return await client.PostAsync(Page, form);
    }

    private Task<ClinicIdentity> CurrentAsync() => host.InScopeAsync(scope => scope.Resolve<IClinicIdentity>().GetAsync(CancellationToken.None));

    private Task<int> CountAsync(AuditAction action) =>
        host.InScopeAsync(scope => scope.Resolve<AccountsDbContext>().AuditRecords.AsNoTracking().CountAsync(r => r.Action == action.Code));
}
