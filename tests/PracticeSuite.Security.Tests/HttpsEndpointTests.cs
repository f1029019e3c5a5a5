using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using PracticeSuite.Platform;
using PracticeSuite.Testing;
using Xunit;

namespace PracticeSuite.Security.Tests;

/// <summary>
/// The host is built with ASP.NET Core's slim builder, which has no HTTPS configuration of its own: an https://
/// address and a certificate named in configuration, as an operator gives them, must still be served.
/// </summary>
public sealed class HttpsEndpointTests : IAsyncLifetime
{
    private const string CertificatePassword = "clinic-test";
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task An_https_address_in_configuration_is_served_with_the_configured_certificate()
    {
        using var certificate = SelfSignedLoopbackCertificate();
        var certificatePath = Path.Combine(_database.DataDirectory, "clinic.pfx");
        await File.WriteAllBytesAsync(certificatePath, certificate.Export(X509ContentType.Pfx, CertificatePassword), TestContext.Current.CancellationToken);
        var httpsAddress = $"https://127.0.0.1:{HostProcess.FreePort()}";

        await using var host = await HostProcess.StartAsync(
            _database.HostArguments.Concat(
            [
                $"--Kestrel:Certificates:Default:Path={certificatePath}",
                $"--Kestrel:Certificates:Default:Password={CertificatePassword}",
            ]),
            HostProcess.StartTimeout,
            httpsAddress);

        string? presentedThumbprint = null;
        using var handler = new HttpClientHandler
        {
            UseCookies = false,
            ServerCertificateCustomValidationCallback = (_, serverCertificate, _, _) =>
            {
                presentedThumbprint = serverCertificate?.Thumbprint;
                return serverCertificate?.Thumbprint == certificate.Thumbprint;
            },
        };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(httpsAddress) };

        var health = await client.GetAsync("/health", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(certificate.Thumbprint, presentedThumbprint);
        Assert.False(health.Headers.Contains("Server")); // Kestrel's "Server: Kestrel" is off: the answer says nothing of the stack

        // Cookies set over HTTPS are secure; the sign-in form sets the antiforgery cookie.
        var signIn = await client.GetAsync("/Account/Login", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(PracticePlatform.AntiforgeryCookieName + "=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);

        // Browsers are told to stay on HTTPS (loopback names are left out, so the request names the clinic's host)...
        using var named = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        named.Headers.Host = "clinic.test";
        var hsts = await client.SendAsync(named, TestContext.Current.CancellationToken);
        Assert.Equal("max-age=31536000", string.Join(",", hsts.Headers.GetValues("Strict-Transport-Security")));
        // ...and plain HTTP is sent there, except the health check load balancers poll.
        using var plain = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.Address };
        var redirected = await plain.GetAsync("/Account/Login", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirected.StatusCode);
        Assert.Equal(new Uri(httpsAddress).Port, redirected.Headers.Location!.Port);
        Assert.Equal("https", redirected.Headers.Location.Scheme);
        Assert.Equal(HttpStatusCode.OK, (await plain.GetAsync("/health", TestContext.Current.CancellationToken)).StatusCode);

        // A forwarded "https" counts only from a configured proxy: here there is none, so the header changes nothing.
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        forged.Headers.Add("X-Forwarded-Proto", "https");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, (await plain.SendAsync(forged, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Forwarded_headers_are_believed_from_a_configured_proxy()
    {
        await using var host = await HostProcess.StartAsync(
            _database.HostArguments.Concat(["--Network:KnownProxies:0=127.0.0.1"]), HostProcess.StartTimeout);
        using var plain = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = host.Address };
        using var viaProxy = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        viaProxy.Headers.Add("X-Forwarded-Proto", "https"); // the proxy ended TLS

        var page = await plain.SendAsync(viaProxy, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var cookie = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(PracticePlatform.AntiforgeryCookieName + "=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase); // the host knows the browser is on HTTPS
    }

    private static X509Certificate2 SelfSignedLoopbackCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false)); // server authentication
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }
}
