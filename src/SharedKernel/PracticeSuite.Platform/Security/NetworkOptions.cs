using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace PracticeSuite.Platform.Security;

/// <summary>
/// The <c>Network</c> section: the reverse proxies whose X-Forwarded-For and X-Forwarded-Proto the host believes.
/// Nobody else's are read, so a client cannot pose as another address (the per-address sign-in limit) or as HTTPS.
/// </summary>
internal sealed class NetworkOptions
{
    public const string Section = "Network";

    /// <summary>Addresses of the proxies in front of the host, e.g. <c>Network:KnownProxies:0=10.0.0.5</c>; none by default.</summary>
    public List<string> KnownProxies { get; set; } = [];

    public static void Add(IServiceCollection services)
    {
        services.AddOptions<NetworkOptions>().BindConfiguration(Section)
            .Validate(o => o.KnownProxies.All(p => IPAddress.TryParse(p, out _)), "Network:KnownProxies must list IP addresses, e.g. 10.0.0.5.")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<Microsoft.Extensions.Options.IOptions<NetworkOptions>>((forwarded, network) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownIPNetworks.Clear(); // ASP.NET Core trusts loopback by default; only the configured proxies count
            forwarded.KnownProxies.Clear();
            foreach (var proxy in network.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
    }
}
