using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit;

namespace PracticeSuite.Security.Tests;

/// <summary>
/// The Clients module's canary data: a client whose name, contact details, emergency contact, pain notes, intake,
/// physician's clearance and consent signature are markers, with a portal account (so an invitation e-mail, written to
/// the mail folder, carries their name and address) through which the client signs the consent.
/// </summary>
public sealed class ClientsCanaryData : IErasureCanaryData
{
    public const string ClientPassword = "Canary-Portal-Password-2026!";

    /// <summary>Registers the canary client, invites them to the portal, delivers the invitation and signs them in.</summary>
    public static async Task RegisterAsync(ErasureCanaryRun run)
    {
        var markers = run.Markers;
        var token = markers.Token;
        var email = markers.Add("e-mail", $"mail.{token}@example.com");
        var response = await run.Manager.PostAsJsonAsync("/api/clients", new
        {
            givenName = markers.Add("given name", "Given" + token),
            familyName = markers.Add("family name", "Family" + token),
            dateOfBirth = "1984-03-09",
            email,
            phone = markers.AddPhone("phone"),
            address = markers.Add("address", $"{token} Lane 7, Leeds"),
            emergencyContactName = markers.Add("emergency contact", "Contact" + token),
            emergencyContactPhone = markers.AddPhone("emergency contact phone"),
            timeZone = "Europe/London",
            pressurePreference = "Light",
            painThresholdNotes = markers.Add("pain notes", $"bruises easily {token}"),
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"register: {(int)response.StatusCode} {text}");
        run.ClientId = JsonNode.Parse(text)!["id"]!.GetValue<Guid>();

        await (await run.Manager.PostAsync($"/api/clients/{run.ClientId}/invite", null)).EnsureSuccessAsync();
        // Read from the e-mail log before delivery, which removes the link's token from the stored copy.
        var body = (string)(await run.ScalarAsync(
            $"SELECT \"TextBody\" FROM {run.Database.QualifiedTable("Accounts", "email_messages")} WHERE \"Recipient\" = @to", ("@to", email)))!;
        var link = Regex.Match(body, @"http://localhost(/\S+)").Groups[1].Value;

        // Delivered as the manager's "Deliver due messages now" does: no SMTP host is set, so it becomes an .eml file.
        var delivered = await ErasureCanaryRun.PostFormAsync(run.Manager, "/Manage/Email?handler=Deliver", [], "/Manage/Email");
        Assert.True(delivered.StatusCode == HttpStatusCode.Redirect, $"deliver: {(int)delivered.StatusCode}");
        var mailFolder = Path.Combine(run.Factory.Database.DataDirectory, "mail");
        Assert.Contains(Directory.EnumerateFiles(mailFolder, "*.eml"), file => File.ReadAllText(file).Contains(email, StringComparison.Ordinal));

        var accepted = await ErasureCanaryRun.PostFormAsync(run.NewBrowser(), link, new() { ["Input.Password"] = ClientPassword, ["Input.ConfirmPassword"] = ClientPassword });
        Assert.True(accepted.StatusCode == HttpStatusCode.Redirect, $"accept invitation: {(int)accepted.StatusCode} {await accepted.Content.ReadAsStringAsync()}");
        run.Client = await run.SignInAsync(email, ClientPassword);
    }

    public async Task WriteAsync(ErasureCanaryRun run)
    {
        var markers = run.Markers;
        var token = markers.Token;
        var id = run.ClientId;
        var intake = new JsonObject
        {
            ["reasonForVisit"] = markers.Add("intake reason", $"stiff neck since {token}"),
            ["goals"] = markers.Add("intake goals", $"turn my head {token}"),
            ["conditions"] = new JsonArray("neck-pain"),
            ["screening"] = new JsonArray(ScreeningQuestions.Select(key => (JsonNode)new JsonObject
            {
                ["questionKey"] = key,
                ["answer"] = key == "heart-condition", // raises a flag that needs a physician's clearance
                ["bodyAreas"] = new JsonArray(),
            }).ToArray()),
            ["medications"] = markers.Add("intake medications", $"tablets {token}"),
            ["surgeriesAndInjuries"] = new JsonArray(new JsonObject { ["description"] = markers.Add("intake injury", $"broken wrist {token}"), ["date"] = "2015-06-01" }),
            ["allergies"] = markers.Add("intake allergies", $"almond oil {token}"),
            ["previousMassage"] = true,
        };
        await (await run.Manager.PostAsJsonAsync($"/api/clients/{id}/intake", intake)).EnsureSuccessAsync();

        var flagId = (await run.Manager.GetJsonAsync($"/api/clients/{id}/eligibility"))["flags"]!.AsArray()
            .Single(f => f!["kind"]!.GetValue<string>() == "RequiresPhysicianClearance")!["id"]!.GetValue<Guid>();
        await (await run.Manager.PostAsJsonAsync($"/api/clients/{id}/flags/{flagId}/clearance", new
        {
            physician = markers.Add("clearance physician", "Dr " + token),
            clearedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2)).ToString("yyyy-MM-dd"),
            outcome = "Modify",
            notes = markers.Add("clearance notes", $"no deep work on the chest {token}"),
        })).EnsureSuccessAsync();

        var consent = await run.Manager.GetJsonAsync("/api/clients/consent");
        await (await run.Client!.PostAsJsonAsync($"/api/clients/{id}/consent", new
        {
            version = consent["version"]!.GetValue<int>(),
            typedName = markers.Add("consent signature", $"Given{token} Family{token}"), // the client's own name, as a signature must be
            agreed = true,
        })).EnsureSuccessAsync();
    }

    private static readonly string[] ScreeningQuestions =
    [
        "cancer-treatment", "clotting", "recent-surgery", "heart-condition", "pregnancy", "open-wound", "skin-infection",
        "recent-fracture", "varicose-veins", "acute-inflammation", "anticoagulants", "osteoporosis", "diabetes-sensation",
        "low-pain-threshold", "fever", "acute-illness", "intoxication",
    ];
}
