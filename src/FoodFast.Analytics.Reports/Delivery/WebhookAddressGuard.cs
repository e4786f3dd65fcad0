using System.Net;
using System.Net.Sockets;

namespace FoodFast.Analytics.Reports.Delivery;

/// <summary>
/// Connects webhook calls only to public addresses, checked after DNS resolution (so a public name pointing inside
/// is caught too): a shop's analyst must not make the service POST into its own network (Elasticsearch, cloud
/// metadata, ...). <c>Delivery:AllowPrivateNetworkWebhooks</c> lifts this for on-premises receivers and tests.
/// </summary>
public static class WebhookAddressGuard
{
    public static SocketsHttpHandler Handler(bool allowPrivate) => new()
    {
        AllowAutoRedirect = false, // the signed body goes to the URL the shop gave, nowhere else
        ConnectCallback = async (context, cancellationToken) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
            var usable = allowPrivate ? addresses : addresses.Where(IsPublic).ToArray();
            if (usable.Length == 0)
            {
                throw new WebhookAddressRefusedException(
                    $"{host} resolves only to private, loopback or link-local addresses ({string.Join(", ", addresses.Select(a => a.ToString()))}); "
                    + "set Delivery:AllowPrivateNetworkWebhooks to deliver inside your network");
            }
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(usable, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    /// <summary>
    /// The address a URL names when it is an internal one, written any way (<c>127.0.0.1</c>, <c>[::1]</c>, <c>2130706433</c>,
    /// <c>0x7f000001</c>: the URL parser reads them all as addresses), or <c>localhost</c>; null for a public address or a name,
    /// which is resolved and checked when the webhook is sent.
    /// </summary>
    public static IPAddress? IsInternal(Uri url)
    {
        if (url.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 && IPAddress.TryParse(url.DnsSafeHost, out var address))
        {
            return IsPublic(address) ? null : address;
        }
        var host = url.DnsSafeHost.TrimEnd('.');
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback : null;
    }

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return false;
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast);
        }
        var b = address.GetAddressBytes();
        return !(b[0] is 0 or 10 or 127 or >= 224                // this network, private, loopback, multicast and reserved
            || (b[0] == 100 && b[1] >= 64 && b[1] < 128)         // carrier-grade NAT
            || (b[0] == 169 && b[1] == 254)                      // link-local, cloud metadata
            || (b[0] == 172 && b[1] >= 16 && b[1] < 32)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2)          // IETF protocol assignments, documentation (TEST-NET-1)
            || (b[0] == 198 && b[1] is 18 or 19)                 // benchmarking
            || (b[0] == 198 && b[1] == 51 && b[2] == 100)        // documentation (TEST-NET-2)
            || (b[0] == 203 && b[1] == 0 && b[2] == 113));       // documentation (TEST-NET-3)
    }
}

/// <summary>A webhook URL that points into a private network while that is not allowed.</summary>
public sealed class WebhookAddressRefusedException(string message) : Exception(message);
