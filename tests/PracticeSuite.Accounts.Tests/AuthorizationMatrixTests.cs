using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using PracticeSuite.Testing;
using Xunit;

namespace PracticeSuite.Accounts.Tests;

/// <summary>
/// Calls every page and endpoint of every loaded module as each persona and compares the answers with this test's
/// own table, written from the product's rules: who may use each one. A page or endpoint without a row fails, so a
/// new module adds its rows; a policy wider or narrower than its row fails too.
/// </summary>
[Trait("Category", "Persistence")]
public sealed class AuthorizationMatrixTests(AccountsFixture host) : IClassFixture<AccountsFixture>
{
    private enum Caller { Anonymous, ClientA, ClientB, TherapistA, TherapistB, Reception, Manager }

    private static readonly Caller[] Everyone = Enum.GetValues<Caller>();

    // Who may use what, written from the product's rules (never read from the policies the code declares). Routes that
    // name a record address ClientA's, whose care team is TherapistA: ClientB and TherapistB must not reach it.
    // Reception (the front desk) sees every client's details and screening flags, never intake answers or history.
    private static readonly Caller[] Nobody = [];
    private static readonly Caller[] SignedIn = [Caller.ClientA, Caller.ClientB, Caller.TherapistA, Caller.TherapistB, Caller.Reception, Caller.Manager];
    private static readonly Caller[] Staff = [Caller.TherapistA, Caller.TherapistB, Caller.Reception, Caller.Manager];
    private static readonly Caller[] Manager = [Caller.Manager];
    private static readonly Caller[] Clients = [Caller.ClientA, Caller.ClientB];
    private static readonly Caller[] ClientAAndTheClinic = [Caller.ClientA, Caller.TherapistA, Caller.Reception, Caller.Manager];
    private static readonly Caller[] ClientAAndClinicians = [Caller.ClientA, Caller.TherapistA, Caller.Manager];
    private static readonly Caller[] TheClinicOnClientA = [Caller.TherapistA, Caller.Reception, Caller.Manager];
    private static readonly Caller[] CliniciansOnClientA = [Caller.TherapistA, Caller.Manager];
    private static readonly Caller[] ClientAOrManager = [Caller.ClientA, Caller.Manager];
    private static readonly Caller[] ClientAOnly = [Caller.ClientA];
    private static readonly Caller[] FrontDesk = [Caller.Reception, Caller.Manager];
    private static readonly Caller[] ClientAAndFrontDesk = [Caller.ClientA, Caller.Reception, Caller.Manager];
    private static readonly Caller[] Clinicians = [Caller.TherapistA, Caller.TherapistB, Caller.Manager];

    private static readonly Dictionary<string, Caller[]> Admits = new(StringComparer.Ordinal)
    {
        // The platform: public pages, the signed-in person's own account, the manager's operations.
        ["GET /health"] = Everyone, // the status to everyone, the checks' details to the manager alone (below)
        ["GET /openapi/{documentName}.json"] = Staff,
        ["GET /openapi/{documentName?}"] = Staff,
        // Scalar's own script and icon, the same for every installation, stay public; the document and page above do not.
        ["GET /openapi/scalar.js"] = Everyone,
        ["GET /openapi/scalar.aspnetcore.js"] = Everyone,
        ["GET /openapi/favicon.svg"] = Everyone,
        ["GET /"] = Everyone, ["POST /"] = Everyone,
        ["GET /Index"] = Everyone, ["POST /Index"] = Everyone,
        ["GET /Error"] = Everyone, ["POST /Error"] = Everyone,
        ["GET /Status/{code:int}"] = Everyone, ["POST /Status/{code:int}"] = Everyone,
        ["GET /Setup"] = Everyone, ["POST /Setup"] = Everyone,
        ["GET /Account/Login"] = Everyone, ["POST /Account/Login"] = Everyone,
        ["GET /Account/ForgotPassword"] = Everyone, ["POST /Account/ForgotPassword"] = Everyone,
        ["GET /Account/ResetPassword"] = Everyone, ["POST /Account/ResetPassword"] = Everyone,
        ["GET /Account/AcceptInvitation"] = Everyone, ["POST /Account/AcceptInvitation"] = Everyone,
        ["GET /Account/Logout"] = SignedIn, ["POST /Account/Logout"] = SignedIn,
        ["GET /Account/Manage"] = SignedIn, ["POST /Account/Manage"] = SignedIn,
        // The second sign-in step is reached before anyone is signed in (it needs Identity's two-step cookie to show);
        // setting two-step sign-in up is for staff, clients sign in with a password alone.
        ["GET /Account/TwoStep"] = Everyone, ["POST /Account/TwoStep"] = Everyone,
        ["GET /Account/TwoStepSetup"] = Staff, ["POST /Account/TwoStepSetup"] = Staff,
        ["GET /Manage/Clinic"] = Manager, ["POST /Manage/Clinic"] = Manager,
        // The clinic's logo is on every page, the sign-in page too.
        ["GET /clinic/logo"] = Everyone,
        ["GET /Manage/Staff"] = Manager, ["POST /Manage/Staff"] = Manager,
        ["GET /Manage/Audit"] = Manager, ["POST /Manage/Audit"] = Manager,
        ["GET /Manage/Email"] = Manager, ["POST /Manage/Email"] = Manager,
        ["GET /Operations/Messages"] = Manager, ["POST /Operations/Messages"] = Manager,
        ["GET /Operations/Jobs/{**path}"] = Manager,
        // The task list is the clinic's people's (each sees their own and their role's; a manager everyone's); clients none.
        ["GET /Tasks"] = Staff, ["POST /Tasks"] = Staff,
        ["GET /Tasks/Index"] = Staff, ["POST /Tasks/Index"] = Staff,
        ["GET /Tasks/New"] = Staff, ["POST /Tasks/New"] = Staff,

        // Clients: staff pages (a record's pages for its care team and the manager), the client's own portal.
        ["GET /Clients"] = Staff, ["POST /Clients"] = Staff,
        ["GET /Clients/Index"] = Staff, ["POST /Clients/Index"] = Staff,
        ["GET /Clients/New"] = Staff, ["POST /Clients/New"] = Staff,
        ["GET /Clients/{clientId:guid}"] = TheClinicOnClientA, ["POST /Clients/{clientId:guid}"] = TheClinicOnClientA,
        ["GET /Clients/{clientId:guid}/Edit"] = TheClinicOnClientA, ["POST /Clients/{clientId:guid}/Edit"] = TheClinicOnClientA,
        ["GET /Clients/{clientId:guid}/Intake"] = CliniciansOnClientA, ["POST /Clients/{clientId:guid}/Intake"] = CliniciansOnClientA,
        ["GET /Clients/{clientId:guid}/History"] = CliniciansOnClientA, ["POST /Clients/{clientId:guid}/History"] = CliniciansOnClientA,
        ["GET /Clients/{clientId:guid}/Flags/{flagId:guid}/Clearance"] = CliniciansOnClientA,
        ["POST /Clients/{clientId:guid}/Flags/{flagId:guid}/Clearance"] = CliniciansOnClientA,
        ["GET /Clients/{clientId:guid}/Export"] = Manager, ["POST /Clients/{clientId:guid}/Export"] = Manager,
        ["GET /Clients/Settings/Consent"] = Manager, ["POST /Clients/Settings/Consent"] = Manager,
        ["GET /Clients/Settings/ScreeningRules"] = Manager, ["POST /Clients/Settings/ScreeningRules"] = Manager,
        ["GET /Portal"] = Clients, ["POST /Portal"] = Clients,
        ["GET /Portal/Intake"] = Clients, ["POST /Portal/Intake"] = Clients,
        ["GET /Portal/Consent"] = Clients, ["POST /Portal/Consent"] = Clients,
        ["GET /Portal/Contact"] = Clients, ["POST /Portal/Contact"] = Clients,
        ["GET /Portal/Export"] = Clients, ["POST /Portal/Export"] = Clients,

        // Clients' API.
        ["GET /api/clients/"] = Staff,
        ["POST /api/clients/"] = Staff,
        ["GET /api/clients/duplicates"] = Staff,
        ["GET /api/clients/{clientId:guid}"] = ClientAAndTheClinic,
        ["PUT /api/clients/{clientId:guid}"] = ClientAAndTheClinic,
        ["GET /api/clients/{clientId:guid}/summary"] = ClientAAndTheClinic,
        ["GET /api/clients/{clientId:guid}/contact-preferences"] = ClientAAndTheClinic,
        ["PUT /api/clients/{clientId:guid}/contact-preferences"] = ClientAAndTheClinic,
        ["GET /api/clients/{clientId:guid}/care-team"] = TheClinicOnClientA,
        ["PUT /api/clients/{clientId:guid}/care-team"] = TheClinicOnClientA,
        ["POST /api/clients/{clientId:guid}/archive"] = Manager,
        ["POST /api/clients/{clientId:guid}/restore"] = Manager,
        ["POST /api/clients/{clientId:guid}/invite"] = Manager,
        ["GET /api/clients/{clientId:guid}/intake"] = ClientAAndClinicians,
        ["POST /api/clients/{clientId:guid}/intake"] = ClientAAndClinicians,
        ["GET /api/clients/{clientId:guid}/flags"] = TheClinicOnClientA,
        ["POST /api/clients/{clientId:guid}/flags/{flagId:guid}/clearance"] = CliniciansOnClientA,
        ["GET /api/clients/{clientId:guid}/eligibility"] = TheClinicOnClientA,
        ["GET /api/clients/consent"] = SignedIn,
        ["PUT /api/clients/consent"] = Manager,
        ["GET /api/clients/{clientId:guid}/consent"] = ClientAAndTheClinic,
        ["POST /api/clients/{clientId:guid}/consent"] = ClientAOnly,
        ["GET /api/clients/screening-rules"] = Manager,
        ["PUT /api/clients/screening-rules/{questionKey}"] = Manager,
        ["GET /api/clients/body-areas"] = SignedIn,
        ["GET /api/clients/{clientId:guid}/export"] = ClientAOrManager,
        ["GET /api/clients/{clientId:guid}/export/pdf"] = ClientAOrManager,
        ["POST /api/clients/{clientId:guid}/erase"] = Manager,
        ["GET /api/clients/{clientId:guid}/history"] = CliniciansOnClientA,

        // Scheduling's API: staff read the calendar, the front desk books and moves, managers run the catalogue and hours.
        // The appointment routes address ClientA's appointment with TherapistA.
        ["GET /api/scheduling/services"] = Staff,
        ["POST /api/scheduling/services"] = Manager,
        ["PUT /api/scheduling/services/{serviceId:guid}"] = Manager,
        ["POST /api/scheduling/services/{serviceId:guid}/retired"] = Manager,
        ["GET /api/scheduling/rooms"] = Staff,
        ["POST /api/scheduling/rooms"] = Manager,
        ["PUT /api/scheduling/rooms/{roomId:guid}"] = Manager,
        ["GET /api/scheduling/therapists"] = Everyone, // names, biographies and photos, as on the clinic's website
        ["GET /api/scheduling/therapists/{therapistId:guid}/availability"] = Staff,
        ["PUT /api/scheduling/therapists/{therapistId:guid}/hours"] = Manager,
        ["POST /api/scheduling/therapists/{therapistId:guid}/time-off"] = Manager,
        ["DELETE /api/scheduling/time-off/{timeOffId:guid}"] = Manager,
        ["POST /api/scheduling/therapists/{therapistId:guid}/off-sick"] = FrontDesk,
        ["GET /api/scheduling/closures"] = Staff,
        ["PUT /api/scheduling/closures/{date}"] = Manager,
        ["DELETE /api/scheduling/closures/{date}"] = Manager,
        ["GET /api/scheduling/free-slots"] = Staff,
        ["GET /api/scheduling/schedule"] = Staff,
        ["POST /api/scheduling/appointments"] = FrontDesk,
        ["POST /api/scheduling/appointments/series/preview"] = FrontDesk,
        ["POST /api/scheduling/appointments/series"] = FrontDesk,
        ["POST /api/scheduling/holds"] = [Caller.ClientA, Caller.ClientB, Caller.Reception, Caller.Manager],
        ["GET /api/scheduling/appointments/{appointmentId:guid}"] = ClientAAndTheClinic,
        ["POST /api/scheduling/appointments/{appointmentId:guid}/reschedule"] = FrontDesk,
        ["POST /api/scheduling/appointments/{appointmentId:guid}/cancel"] = ClientAAndFrontDesk,
        ["POST /api/scheduling/appointments/{appointmentId:guid}/check-in"] = TheClinicOnClientA,
        ["POST /api/scheduling/appointments/{appointmentId:guid}/complete"] = TheClinicOnClientA,
        ["POST /api/scheduling/appointments/{appointmentId:guid}/no-show"] = FrontDesk,
        ["GET /api/scheduling/clients/{clientId:guid}/appointments"] = ClientAAndTheClinic,
        // Calendar feeds (ADR 0027): anyone signed in asks for their own link (reception, with no appointments, is told
        // so); therapists and managers who treat keep theirs on a staff page, clients in the portal. The feed itself is
        // for calendar apps, which cannot sign in: the secret token is the key, and an unknown one is a 404 for all.
        ["POST /api/scheduling/calendar-feed"] = SignedIn,
        ["DELETE /api/scheduling/calendar-feed"] = SignedIn,
        ["GET /Calendar/Feed"] = Clinicians, ["POST /Calendar/Feed"] = Clinicians,
        ["GET /Portal/CalendarFeed"] = Clients, ["POST /Portal/CalendarFeed"] = Clients,
        ["GET /calendar/{token}.ics"] = Everyone, ["POST /calendar/{token}.ics"] = Everyone, // a POST is refused as 405, by anyone

        // Scheduling's pages: the calendar for the clinic's people; booking, series and a day off sick for the front desk;
        // the calendar's settings for managers; ClientA's appointment (with TherapistA) for the clinic on it; the portal
        // list for clients; a client's appointments beside the record for the clinic on that client.
        ["GET /Calendar"] = Staff, ["POST /Calendar"] = Staff,
        ["GET /Calendar/Index"] = Staff, ["POST /Calendar/Index"] = Staff,
        ["GET /Calendar/Week"] = Staff, ["POST /Calendar/Week"] = Staff,
        ["GET /Calendar/Book"] = FrontDesk, ["POST /Calendar/Book"] = FrontDesk,
        ["GET /Calendar/Series"] = FrontDesk, ["POST /Calendar/Series"] = FrontDesk,
        ["GET /Calendar/OffSick"] = FrontDesk, ["POST /Calendar/OffSick"] = FrontDesk,
        ["GET /Calendar/Appointments/{appointmentId:guid}"] = TheClinicOnClientA, ["POST /Calendar/Appointments/{appointmentId:guid}"] = TheClinicOnClientA,
        ["GET /Calendar/Settings/Services"] = Manager, ["POST /Calendar/Settings/Services"] = Manager,
        ["GET /Calendar/Settings/Rooms"] = Manager, ["POST /Calendar/Settings/Rooms"] = Manager,
        ["GET /Calendar/Settings/Hours/{therapistId:guid?}"] = Manager, ["POST /Calendar/Settings/Hours/{therapistId:guid?}"] = Manager,
        ["GET /Calendar/Settings/Closures"] = Manager, ["POST /Calendar/Settings/Closures"] = Manager,
        // Therapists' profiles and credentials are the manager's; a therapist's photo is public, like on the clinic's website.
        ["GET /Calendar/Settings/Therapists"] = Manager, ["POST /Calendar/Settings/Therapists"] = Manager,
        ["GET /Calendar/Settings/Therapists/{therapistId:guid}"] = Manager, ["POST /Calendar/Settings/Therapists/{therapistId:guid}"] = Manager,
        ["GET /therapists/{therapistId:guid}/photo"] = Everyone, ["POST /therapists/{therapistId:guid}/photo"] = Everyone, // a POST is refused as 405, by anyone
        ["GET /Portal/Appointments"] = Clients, ["POST /Portal/Appointments"] = Clients,
        ["GET /Clients/{clientId:guid}/Appointments"] = TheClinicOnClientA, ["POST /Clients/{clientId:guid}/Appointments"] = TheClinicOnClientA,

        // TreatmentPlans: the reference data for the clinic's people, the clinic's own muscles for managers; assessments and
        // plans are clinical records, for clinicians on the client's care team (client A's are Therapist A's) and never for
        // reception or clients. Removing a finding or an item that is not there changes nothing (idempotent).
        ["GET /api/treatmentplans/pain-zones"] = Staff,
        ["GET /api/treatmentplans/referrals"] = Staff,
        ["GET /api/treatmentplans/muscles"] = Staff,
        ["POST /api/treatmentplans/muscles"] = Manager,
        ["GET /api/treatmentplans/range-of-motion"] = Staff,
        ["POST /api/treatmentplans/clients/{clientId:guid}/assessments"] = CliniciansOnClientA,
        ["GET /api/treatmentplans/assessments/{assessmentId:guid}"] = CliniciansOnClientA,
        ["PUT /api/treatmentplans/assessments/{assessmentId:guid}/posture"] = CliniciansOnClientA,
        ["POST /api/treatmentplans/assessments/{assessmentId:guid}/complaints"] = CliniciansOnClientA,
        ["POST /api/treatmentplans/assessments/{assessmentId:guid}/ranges"] = CliniciansOnClientA,
        ["POST /api/treatmentplans/assessments/{assessmentId:guid}/trigger-points"] = CliniciansOnClientA,
        ["DELETE /api/treatmentplans/assessments/{assessmentId:guid}/findings/{findingId:guid}"] = CliniciansOnClientA,
        ["GET /api/treatmentplans/clients/{clientId:guid}/plans"] = CliniciansOnClientA,
        ["POST /api/treatmentplans/clients/{clientId:guid}/plans"] = CliniciansOnClientA,
        ["GET /api/treatmentplans/plans/{planId:guid}"] = CliniciansOnClientA,
        ["PUT /api/treatmentplans/plans/{planId:guid}"] = CliniciansOnClientA,
        ["POST /api/treatmentplans/plans/{planId:guid}/goals"] = CliniciansOnClientA,
        ["POST /api/treatmentplans/plans/{planId:guid}/home-care"] = CliniciansOnClientA,
        ["DELETE /api/treatmentplans/plans/{planId:guid}/items/{itemId:guid}"] = CliniciansOnClientA,
        ["POST /api/treatmentplans/plans/{planId:guid}/activate"] = CliniciansOnClientA,
        ["POST /api/treatmentplans/plans/{planId:guid}/complete"] = CliniciansOnClientA,
        ["POST /api/treatmentplans/plans/{planId:guid}/discontinue"] = CliniciansOnClientA,
        ["GET /api/treatmentplans/plans/{planId:guid}/next-session"] = CliniciansOnClientA,
        ["POST /api/treatmentplans/plans/{planId:guid}/course"] = CliniciansOnClientA,
        ["GET /Clients/{clientId:guid}/Plans"] = CliniciansOnClientA, ["POST /Clients/{clientId:guid}/Plans"] = CliniciansOnClientA,
        ["GET /TreatmentPlans/Assessments/{assessmentId:guid}"] = CliniciansOnClientA, ["POST /TreatmentPlans/Assessments/{assessmentId:guid}"] = CliniciansOnClientA,
        ["GET /TreatmentPlans/Plans/{planId:guid}"] = CliniciansOnClientA, ["POST /TreatmentPlans/Plans/{planId:guid}"] = CliniciansOnClientA,
        // Session notes: the appointment's therapist writes one (client A's appointment and its note are Therapist A's); a
        // manager reads it but may not write it (refused as a conflict, past the policy); Therapist B, off the care team,
        // finds nothing.
        ["POST /api/treatmentplans/appointments/{appointmentId:guid}/note"] = CliniciansOnClientA,
        ["GET /api/treatmentplans/notes/{noteId:guid}"] = CliniciansOnClientA,
        ["PUT /api/treatmentplans/notes/{noteId:guid}"] = CliniciansOnClientA,
        ["POST /api/treatmentplans/notes/{noteId:guid}/pain-scores"] = CliniciansOnClientA,
        ["POST /api/treatmentplans/notes/{noteId:guid}/treated-points"] = CliniciansOnClientA,
        ["PUT /api/treatmentplans/notes/{noteId:guid}/minutes"] = CliniciansOnClientA,
        ["DELETE /api/treatmentplans/notes/{noteId:guid}/items/{itemId:guid}"] = CliniciansOnClientA,
        ["POST /api/treatmentplans/notes/{noteId:guid}/sign"] = CliniciansOnClientA,
        ["POST /api/treatmentplans/notes/{noteId:guid}/addenda"] = CliniciansOnClientA,
        ["GET /TreatmentPlans/Appointments/{appointmentId:guid}/Note"] = CliniciansOnClientA, ["POST /TreatmentPlans/Appointments/{appointmentId:guid}/Note"] = CliniciansOnClientA,
        ["GET /TreatmentPlans/Notes/{noteId:guid}"] = CliniciansOnClientA, ["POST /TreatmentPlans/Notes/{noteId:guid}"] = CliniciansOnClientA,
        ["GET /TreatmentPlans/Plans/{planId:guid}/Progress"] = CliniciansOnClientA, ["POST /TreatmentPlans/Plans/{planId:guid}/Progress"] = CliniciansOnClientA,
        ["GET /Portal/Plans"] = Clients, ["POST /Portal/Plans"] = Clients, // each client their own plans
        ["GET /TreatmentPlans/Plans/New"] = Clinicians, ["POST /TreatmentPlans/Plans/New"] = Clinicians, // without a client: sent to the client list
        // The muscle library page: clinical reference for those who treat (managers and therapists), never reception or clients.
        // Adding a clinic's own muscle is the manager's, as in the API: refused inside the page to a therapist (LibraryPageTests).
        ["GET /TreatmentPlans/Library"] = Clinicians, ["POST /TreatmentPlans/Library"] = Clinicians,

        // Test modules: Alpha and Gamma are open; Casebook exercises each policy, and one endpoint declares none.
        ["GET /Alpha"] = Everyone, ["POST /Alpha"] = Everyone,
        ["GET /Alpha/Index"] = Everyone, ["POST /Alpha/Index"] = Everyone,
        ["GET /Gamma"] = Everyone, ["POST /Gamma"] = Everyone, // shows Alpha's part only while Alpha runs
        ["GET /Gamma/Index"] = Everyone, ["POST /Gamma/Index"] = Everyone,
        ["GET /api/alpha/greeting/{name}"] = Everyone,
        ["GET /api/alpha/visits"] = Everyone,
        ["POST /api/alpha/visits"] = Everyone,
        ["GET /api/alpha/fault"] = Everyone,
        ["GET /api/gamma/received"] = Everyone,
        ["GET /api/gamma/slips"] = Everyone,
        ["POST /api/gamma/slips"] = Everyone,
        ["POST /api/gamma/mail/{key}"] = Everyone,
        ["POST /api/gamma/repair"] = Everyone,
        ["GET /Casebook"] = Staff, ["POST /Casebook"] = Staff,
        ["GET /Casebook/Index"] = Staff, ["POST /Casebook/Index"] = Staff,
        ["GET /api/casebook/clients/{clientId:guid}/notes"] = ClientAAndClinicians, // clinical notes: never the front desk
        ["GET /api/casebook/clinic-summary"] = Staff,
        ["GET /api/casebook/settings"] = Manager,
        ["GET /api/casebook/my-notes"] = Clients,
        ["GET /api/casebook/undeclared"] = Nobody,
    };

    [Fact]
    public async Task Every_page_and_endpoint_admits_exactly_the_personas_its_policy_names()
    {
        var clients = new Dictionary<Caller, HttpClient>
        {
            [Caller.Anonymous] = host.CreateClient(),
            [Caller.ClientA] = await host.SignedInClientAsync(host.Personas.ClientA.Email),
            [Caller.ClientB] = await host.SignedInClientAsync(host.Personas.ClientB.Email),
            [Caller.TherapistA] = await host.SignedInClientAsync(host.Personas.TherapistA.Email),
            [Caller.TherapistB] = await host.SignedInClientAsync(host.Personas.TherapistB.Email),
            [Caller.Reception] = await host.SignedInClientAsync(host.Personas.Reception!.Email),
            [Caller.Manager] = await host.SignedInClientAsync(host.Personas.Manager.Email),
        };

        var targets = Targets().ToList();
        Assert.Contains(targets, t => t.Url == "/api/casebook/undeclared"); // the deliberately undeclared endpoint is in the matrix
        Assert.Contains(targets, t => t.IsRecordRoute);                    // and a record route filled from persona records

        // A row whose page or endpoint no loaded module maps is stale, or names a module the fixture failed to load.
        var problems = Admits.Keys.Except(targets.Select(t => t.Key)).Select(key => $"{key} has a row but no page or endpoint").ToList();
        foreach (var target in targets)
        {
            var expected = Expected(target, problems);
            foreach (var caller in Everyone)
            {
                using var request = new HttpRequestMessage(new HttpMethod(target.Method), target.Url);
                if (target.Method is "POST" or "PUT" or "PATCH")
                {
                    request.Content = target.IsPage
                        ? new FormUrlEncodedContent([]) // no antiforgery token: an admitted caller gets 400, never a state change
                        : new StringContent("{}", Encoding.UTF8, "application/json");
                }

                using var response = await clients[caller].SendAsync(request, TestContext.Current.CancellationToken);
                var admitted = !Refused(response, target.IsRecordRoute);
                if (admitted != expected.Contains(caller))
                {
                    problems.Add($"{target.Method} {target.Url} ({target.Declaration}): {caller} got {(int)response.StatusCode} {response.Headers.Location}, expected {(expected.Contains(caller) ? "admitted" : "refused")}");
                }
            }
        }

        Assert.True(problems.Count == 0, $"{problems.Count} problems in {targets.Count} targets:\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task Health_tells_everyone_the_status_and_only_the_manager_the_checks()
    {
        var callers = new Dictionary<Caller, HttpClient>
        {
            [Caller.Anonymous] = host.CreateClient(),
            [Caller.ClientA] = await host.SignedInClientAsync(host.Personas.ClientA.Email),
            [Caller.TherapistA] = await host.SignedInClientAsync(host.Personas.TherapistA.Email),
            [Caller.Reception] = await host.SignedInClientAsync(host.Personas.Reception!.Email),
            [Caller.Manager] = await host.SignedInClientAsync(host.Personas.Manager.Email),
        };

        foreach (var (caller, client) in callers)
        {
            // 200 or 503 (the job server may not have announced itself yet): the shape of the answer is what is tested.
            using var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            if (caller == Caller.Manager)
            {
                Assert.Contains("\"checks\":{\"database\":", body, StringComparison.Ordinal);
            }
            else
            {
                Assert.True(body is "Healthy" or "Unhealthy", $"{caller} got: {body}");
            }
        }
    }

    private sealed record Target(string Method, string Url, bool IsPage, bool IsRecordRoute, RouteEndpoint Endpoint)
    {
        public string Key => $"{Method} /{Endpoint.RoutePattern.RawText?.TrimStart('/')}";

        public string Declaration =>
            Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null
                ? "anonymous"
                : string.Join("+", Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy ?? $"roles:{a.Roles}")) is { Length: > 0 } names ? names : "undeclared";
    }

    private IEnumerable<Target> Targets()
    {
        var endpoints = host.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        foreach (var endpoint in endpoints)
        {
            var (url, isRecordRoute) = Fill(endpoint.RoutePattern);
            if (url is null)
            {
                continue;
            }

            var isPage = RouteAddresses.IsPage(endpoint);
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods
                ?? (isPage ? ["GET", "POST"] : ["GET"]);
            foreach (var method in methods.Where(m => m is not ("HEAD" or "OPTIONS")))
            {
                yield return new Target(method, url, isPage, isRecordRoute, endpoint);
            }
        }
    }

    /// <summary>The URL for a route, with ClientA's record ids from the persona records where the route asks for them.</summary>
    private (string? Url, bool IsRecordRoute) Fill(RoutePattern pattern) => RouteAddresses.Fill(pattern, host.RouteValues, SampleValue);

    private static string SampleValue(RoutePatternParameterPart parameter)
    {
        var constraints = parameter.ParameterPolicies.Select(p => p.Content ?? "").ToList();
        if (constraints.Contains("guid"))
        {
            return Guid.NewGuid().ToString();
        }

        return constraints.Any(c => c is "int" or "long") ? "404" : "sample";
    }

    private static Caller[] Expected(Target target, List<string> problems)
    {
        if (Admits.TryGetValue(target.Key, out var admitted))
        {
            return admitted;
        }

        problems.Add($"{target.Key} ({target.Declaration}) has no row in the matrix: add one, from the product's rules");
        return [];
    }

    /// <summary>Refused: 401/403, a redirect to sign-in or to the "not allowed" page, or — on a record route — "no such record".</summary>
    private static bool Refused(HttpResponseMessage response, bool isRecordRoute)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        return response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && (location.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) || location.Contains("/Status/403", StringComparison.Ordinal)))
            || (isRecordRoute && response.StatusCode == HttpStatusCode.NotFound);
    }
}
