using System.Net;
using System.Text.RegularExpressions;
using Autofac;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.Testing;
using Xunit;

namespace PracticeSuite.Accounts.Tests;

/// <summary>
/// The privacy export as a printable PDF (issue 17): the same data the export page shows, on the clinic's letterhead,
/// in plain words (no ids, no fractions of seconds), audited as its own read of the record.
/// </summary>
[Trait("Category", "Persistence")]
public sealed class ClientExportPdfTests(AccountsFixture host) : IClassFixture<AccountsFixture>
{
    [Fact]
    public async Task A_manager_downloads_a_clients_export_as_a_readable_pdf_and_the_download_is_audited()
    {
        var clientId = host.RouteValues["clientId"];
        var manager = await host.SignedInClientAsync(host.Personas.Manager.Email);

        var page = await manager.GetStringAsync($"/Clients/{clientId}/Export");
        Assert.Contains($"href=\"/api/clients/{clientId}/export/pdf\"", page);
        Assert.Contains($"href=\"/api/clients/{clientId}/export\"", page); // the JSON stays, as the second link

        using var response = await manager.GetAsync($"/api/clients/{clientId}/export/pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var text = await PdfText.TextAsync(await response.Content.ReadAsByteArrayAsync());

        Assert.Contains(ClinicIdentity.DefaultName, text);    // the letterhead of a clinic no manager has named yet
        Assert.Contains("Personal data export", text);
        Assert.Contains("Client record", text);
        Assert.Contains("Given name", text);
        Assert.Contains(host.Personas.ClientA.DisplayName.Split(' ')[0], text);
        Assert.Contains("Page 1 of", text);
        Assert.DoesNotMatch(new Regex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), text); // no ids
        Assert.DoesNotMatch(new Regex(@"\d{2}:\d{2}:\d{2}\.\d{7}"), text);                                    // nor ticks
        Assert.DoesNotContain("givenName", text);

        var audited = await host.InScopeAsync(scope => scope.Resolve<AccountsDbContext>().AuditRecords.AsNoTracking()
            .CountAsync(r => r.Action == "clients.record.exported-pdf" && r.ClientId == Guid.Parse(clientId) && r.UserId == host.Personas.Manager.UserId));
        Assert.Equal(1, audited);
    }

    [Fact]
    public async Task A_client_downloads_their_own_from_the_portal()
    {
        var client = await host.SignedInClientAsync(host.Personas.ClientA.Email);
        var page = await client.GetStringAsync("/Portal/Export");
        var link = Regex.Match(page, @"href=""(/api/clients/[^""]+/export/pdf)""").Groups[1].Value;

        using var response = await client.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Personal data export", await PdfText.TextAsync(await response.Content.ReadAsByteArrayAsync()));
    }
}
