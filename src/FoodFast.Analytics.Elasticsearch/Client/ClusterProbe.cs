using System.Globalization;

namespace FoodFast.Analytics.Elasticsearch.Client;

/// <summary>
/// Asks <c>GET /</c> once (§1.5) and keeps the answer: the product (Elasticsearch or OpenSearch) and its version.
/// A failed probe is not cached, so the next caller asks again. Unsupported versions are refused with the supported range.
/// </summary>
public sealed class ClusterProbe(ElasticsearchClient client)
{
    public const string Supported = "Elasticsearch 8.x or 9.x, or OpenSearch 2.x";
    private volatile ClusterIdentity? _identity;

    /// <summary>Two callers racing on the first probe both ask; the answers are the same, so no lock is needed.</summary>
    public async Task<ClusterIdentity> IdentifyAsync(CancellationToken cancellationToken) =>
        _identity ??= Identify(await client.SendAsync(EsRequest.Get("", "info"), EsJson.Default.ServerInfo, cancellationToken));

    public static ClusterIdentity Identify(ServerInfo info)
    {
        var flavor = string.Equals(info.Version.Distribution, "opensearch", StringComparison.OrdinalIgnoreCase)
            ? ClusterFlavor.OpenSearch
            : ClusterFlavor.Elasticsearch;
        var major = MajorOf(info.Version.Number);
        var supported = flavor == ClusterFlavor.OpenSearch ? major == 2 : major is 8 or 9;
        if (!supported)
        {
            throw new ElasticsearchException("info", 200, "unsupported_version",
                $"the cluster runs {flavor} {info.Version.Number}; this service supports {Supported}");
        }
        return new ClusterIdentity(flavor, info.Version.Number, info.ClusterName ?? "");
    }

    private static int MajorOf(string number)
    {
        var dot = number.IndexOf('.', StringComparison.Ordinal);
        return int.TryParse(dot < 0 ? number : number[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? major : -1;
    }
}

public sealed record ClusterIdentity(ClusterFlavor Flavor, string Version, string ClusterName);
