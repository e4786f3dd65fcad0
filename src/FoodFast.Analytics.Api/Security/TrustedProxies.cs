using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace FoodFast.Analytics.Api.Security;

/// <summary>
/// <c>Security:TrustedProxies</c>: the reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are
/// believed, so the per-IP limits see each client rather than one shared proxy address. Without the setting the
/// headers are ignored: any client could write them.
/// </summary>
internal static class TrustedProxies
{
    /// <summary>The comma-separated addresses and CIDR ranges, with the entries that are neither.</summary>
    public static (IReadOnlyList<IPNetwork> Networks, IReadOnlyList<string> Invalid) Parse(string setting)
    {
        var networks = new List<IPNetwork>();
        var invalid = new List<string>();
        foreach (var entry in setting.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                networks.Add(new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
            }
            else
            {
                invalid.Add(entry);
            }
        }
        return (networks, invalid);
    }

    /// <summary>
    /// First in the pipeline, so logs, limits and audit all see the forwarded client. Read from configuration, not
    /// the validated options: an invalid entry is reported by start-up validation, with the other settings' problems.
    /// </summary>
    public static void UseTrustedProxies(this WebApplication app)
    {
        var (networks, _) = Parse(app.Configuration[$"{SecurityOptions.Section}:{nameof(SecurityOptions.TrustedProxies)}"] ?? "");
        if (networks.Count == 0)
        {
            return;
        }
        // No forward limit: walk X-Forwarded-For back through every trusted hop to the first address that is not one.
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, ForwardLimit = null };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var network in networks)
        {
            options.KnownIPNetworks.Add(network);
        }
        app.UseForwardedHeaders(options);
    }
}
