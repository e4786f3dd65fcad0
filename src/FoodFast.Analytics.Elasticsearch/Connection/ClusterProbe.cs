using System.Globalization;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using FoodFast.Analytics.Core.Storage;

namespace FoodFast.Analytics.Elasticsearch.Connection;

/// <summary>
/// Asks <c>GET /</c> once and keeps the answer. Only Elasticsearch 9.x is served: the client sends
/// <c>compatible-with=9</c>, which 8.x refuses, and it refuses a server that does not say it is Elasticsearch
/// (OpenSearch). Each refusal is a <see cref="StoreRefusedException"/>: one line naming what was found and what is
/// needed, which stops start-up. A probe that got no answer is not cached, and is retried by the caller.
/// </summary>
public sealed class ClusterProbe(ClusterClient client)
{
    public const string Supported = "Elasticsearch 9.x";
    private volatile ClusterIdentity? _identity;

    /// <summary>Two callers racing on the first probe both ask; the answers are the same, so no lock is needed.</summary>
    public async Task<ClusterIdentity> IdentifyAsync(CancellationToken cancellationToken)
    {
        if (_identity is { } known)
        {
            return known;
        }
        InfoResponse info;
        try
        {
            info = await client.CallAsync("info", (es, ct) => es.InfoAsync(ct), cancellationToken);
        }
        catch (UnsupportedProductException)
        {
            throw Unsupported("a server that does not identify as Elasticsearch (no X-Elastic-Product header: OpenSearch or another product)");
        }
        catch (ElasticsearchException ex) when (ex.StatusCode == 400 && ex.ErrorType == "media_type_header_exception")
        {
            throw Unsupported(await OlderVersionAsync(cancellationToken) is { } version
                ? $"Elasticsearch {version}"
                : $"Elasticsearch 8.x or older (it refused the client's compatible-with=9 header: {ex.Reason})");
        }
        return _identity = Identify(info.Version.Number, info.ClusterName);
    }

    /// <summary>
    /// An older node refuses the compatibility header, so its version is asked once more with plain
    /// <c>application/json</c>, which every version answers; null when that fails too.
    /// </summary>
    private async Task<string?> OlderVersionAsync(CancellationToken cancellationToken)
    {
        var plain = new RequestConfiguration { Accept = "application/json", ContentType = "application/json" };
        var info = await client.Typed.InfoAsync(new InfoRequest { RequestConfiguration = plain }, cancellationToken);
        return info.IsValidResponse ? info.Version.Number : null;
    }

    public static ClusterIdentity Identify(string version, string clusterName) =>
        MajorOf(version) == 9 ? new ClusterIdentity(version, clusterName) : throw Unsupported($"Elasticsearch {version}");

    private static StoreRefusedException Unsupported(string found) =>
        new($"the cluster runs {found}; this service needs {Supported}");

    private static int MajorOf(string number)
    {
        var dot = number.IndexOf('.', StringComparison.Ordinal);
        return int.TryParse(dot < 0 ? number : number[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? major : -1;
    }
}

public sealed record ClusterIdentity(string Version, string ClusterName);
