using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace PracticeSuite.Accounts.Tests;

/// <summary>
/// Calls every page and endpoint of every loaded module as each persona and compares the answers with this
/// test's own table of who each policy admits. New modules join by being loaded; nothing here names them.
/// </summary>
[Trait("Category", "Persistence")]
public sealed class AuthorizationMatrixTests(AccountsFixture host) : IClassFixture<AccountsFixture>
{
    private enum Caller { Anonymous, ClientA, ClientB, TherapistA, TherapistB, Manager }

    private static readonly Caller[] Everyone = Enum.GetValues<Caller>();

    // Who each named policy lets in — written out here, independent of the policy objects the host builds.
    private static readonly Dictionary<string, Caller[]> PolicyAdmits = new(StringComparer.Ordinal)
    {
        ["Manager"] = [Caller.Manager],
        ["Staff"] = [Caller.Manager, Caller.TherapistA, Caller.TherapistB],
        ["Client"] = [Caller.ClientA, Caller.ClientB],
        ["ClientOrManager"] = [Caller.ClientA, Caller.ClientB, Caller.Manager],
        ["SignedIn"] = [Caller.ClientA, Caller.ClientB, Caller.TherapistA, Caller.TherapistB, Caller.Manager],
    };

    // On a route that addresses ClientA's record (treated by TherapistA), the other client and therapist are refused too.
    private static readonly Caller[] MayReachClientARecord = [Caller.Anonymous, Caller.ClientA, Caller.TherapistA, Caller.Manager];

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
            [Caller.Manager] = await host.SignedInClientAsync(host.Personas.Manager.Email),
        };

        var targets = Targets().ToList();
        Assert.Contains(targets, t => t.Url == "/api/casebook/undeclared"); // the deliberately undeclared endpoint is in the matrix
        Assert.Contains(targets, t => t.IsRecordRoute);                    // and a record route filled from persona records

        var problems = new List<string>();
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

    private sealed record Target(string Method, string Url, bool IsPage, bool IsRecordRoute, Endpoint Endpoint)
    {
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

            var isPage = endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null
                || endpoint.Metadata.Any(m => m.GetType().Name == "CompiledPageActionDescriptor");
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods
                ?? (isPage ? ["GET", "POST"] : ["GET"]);
            foreach (var method in methods.Where(m => m is not ("HEAD" or "OPTIONS")))
            {
                yield return new Target(method, url, isPage, isRecordRoute, endpoint);
            }
        }
    }

    /// <summary>The URL for a route, with ClientA's record ids from the persona records where the route asks for them.</summary>
    private (string? Url, bool IsRecordRoute) Fill(RoutePattern pattern)
    {
        var segments = new List<string>();
        var isRecordRoute = false;
        foreach (var segment in pattern.PathSegments)
        {
            var text = new StringBuilder();
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart literal:
                        text.Append(literal.Content);
                        break;
                    case RoutePatternSeparatorPart separator:
                        text.Append(separator.Content);
                        break;
                    case RoutePatternParameterPart parameter when host.RouteValues.TryGetValue(parameter.Name, out var recordValue):
                        text.Append(Uri.EscapeDataString(recordValue));
                        isRecordRoute = true;
                        break;
                    case RoutePatternParameterPart parameter when parameter.IsCatchAll || parameter.IsOptional:
                        break;
                    case RoutePatternParameterPart parameter when pattern.Defaults.TryGetValue(parameter.Name, out var fallback) && fallback is not null:
                        text.Append(fallback);
                        break;
                    case RoutePatternParameterPart parameter:
                        text.Append(SampleValue(parameter));
                        break;
                }
            }

            segments.Add(text.ToString());
        }

        return ("/" + string.Join("/", segments).TrimEnd('/'), isRecordRoute);
    }

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
        if (target.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return Everyone;
        }

        var declarations = target.Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
        if (declarations.Count == 0)
        {
            return []; // undeclared: denied to everyone
        }

        IEnumerable<Caller> admitted = Everyone;
        foreach (var declaration in declarations)
        {
            if (declaration.Policy is null || !PolicyAdmits.TryGetValue(declaration.Policy, out var byPolicy) || declaration.Roles is not null)
            {
                problems.Add($"{target.Method} {target.Url} declares [{declaration.Policy ?? "no policy"}{(declaration.Roles is null ? "" : $", roles {declaration.Roles}")}]: use one of the named policies");
                return [];
            }

            admitted = admitted.Intersect(byPolicy);
        }

        if (target.IsRecordRoute)
        {
            admitted = admitted.Intersect(MayReachClientARecord);
        }

        return admitted.ToArray();
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
