using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace FoodFast.Analytics.Elasticsearch.Client;

/// <summary>
/// Decodes an Elastic Cloud id, <c>label:base64(host[:port]$es_uuid$kibana_uuid)</c>, into the Elasticsearch URL
/// <c>https://es_uuid.host:port</c> (port 443 when absent).
/// </summary>
public static class CloudId
{
    public static bool TryDecode(string cloudId, [NotNullWhen(true)] out Uri? elasticsearch, [NotNullWhen(false)] out string? error)
    {
        elasticsearch = null;
        var colon = cloudId.IndexOf(':', StringComparison.Ordinal);
        var encoded = (colon >= 0 ? cloudId[(colon + 1)..] : cloudId).Trim();
        string decoded;
        try
        {
            var padded = encoded.PadRight(encoded.Length + ((4 - (encoded.Length % 4)) % 4), '=');
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
        }
        catch (FormatException)
        {
            error = "the part after the first ':' is not base64";
            return false;
        }
        var parts = decoded.Split('$');
        if (parts.Length < 2)
        {
            error = "the decoded id has no '$' (expected host[:port]$es_uuid$kibana_uuid)";
            return false;
        }
        var (host, port) = SplitPort(parts[0]);
        if (host.Length == 0)
        {
            error = "the decoded id has an empty host";
            return false;
        }
        if (parts[1].Length == 0)
        {
            error = "the decoded id has an empty Elasticsearch uuid";
            return false;
        }
        if (!Uri.TryCreate($"https://{parts[1]}.{host}:{port}", UriKind.Absolute, out elasticsearch))
        {
            error = $"'{parts[1]}.{host}:{port}' is not a valid host";
            return false;
        }
        error = null;
        return true;
    }

    private static (string Host, string Port) SplitPort(string hostAndPort)
    {
        var colon = hostAndPort.LastIndexOf(':');
        return colon < 0 ? (hostAndPort, "443") : (hostAndPort[..colon], hostAndPort[(colon + 1)..]);
    }
}
