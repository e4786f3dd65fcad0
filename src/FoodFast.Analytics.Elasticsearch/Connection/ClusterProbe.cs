using System.Globalization;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using FoodFast.Analytics.Core.Storage;
using Microsoft.Extensions.Logging;

namespace FoodFast.Analytics.Elasticsearch.Connection;

/// <summary>
/// Asks <c>GET /</c> once and keeps the answer. Only Elasticsearch 9.x is served: the client sends
/// <c>compatible-with=9</c>, which 8.x refuses, and it refuses a server that does not say it is Elasticsearch
/// (OpenSearch). Each refusal is a <see cref="StoreRefusedException"/>: one line naming what was found and what is
/// needed, which stops start-up. A probe that got no answer is not cached, and is retried by the caller.
/// A 9.x server older than the client's minor is served, with one warning: Elastic supports a client with servers
/// of its own minor or newer.
/// </summary>
public sealed class ClusterProbe(ClusterClient client, ILogger<ClusterProbe>? logger = null)
{
    public const string Supported = "Elasticsearch 9.x";

    /// <summary>The minor of Elastic.Clients.Elasticsearch this service is built with (9.5).</summary>
    public const int ClientMinor = 5;
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
        var identity = Identify(info.Version.Number, info.ClusterName);
        if (identity.Caveat is { } caveat)
        {
            logger?.LogWarning("{Caveat}", caveat);
        }
        return _identity = identity;
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

    public static ClusterIdentity Identify(string version, string clusterName) => PartOf(version, 0) == 9
        ? new ClusterIdentity(version, clusterName, PartOf(version, 1) < ClientMinor
            ? $"the cluster runs Elasticsearch {version}, older than the client (9.{ClientMinor}): Elastic supports a client with servers of its own minor or newer; upgrade the cluster to 9.{ClientMinor} or later"
            : null)
        : throw Unsupported($"Elasticsearch {version}");

    private static StoreRefusedException Unsupported(string found) =>
        new($"the cluster runs {found}; this service needs {Supported}");

    /// <summary>The major (0) or minor (1) of a version number such as <c>9.5.5</c> or <c>9.6.0-SNAPSHOT</c>; -1 when absent.</summary>
    private static int PartOf(string number, int index)
    {
        var parts = number.Split('.', '-');
        return parts.Length > index && int.TryParse(parts[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : -1;
    }
}

/// <param name="Caveat">Why this server is served but not supported (a 9.x older than the client), or null.</param>
public sealed record ClusterIdentity(string Version, string ClusterName, string? Caveat = null);
