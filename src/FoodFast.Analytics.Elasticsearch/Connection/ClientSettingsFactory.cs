using System.Text.Json;
using System.Text.Json.Serialization;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Serialization;
using Elastic.Transport;
using Microsoft.Extensions.Logging;

namespace FoodFast.Analytics.Elasticsearch.Connection;

/// <summary>
/// <see cref="ElasticsearchClientSettings"/> from <c>Storage:Elasticsearch</c>: a static node pool over <c>Urls</c> (or the
/// Cloud id's node), API key or basic authentication, TLS trust by CA file or CA fingerprint (never "accept any"), gzip
/// request and response bodies, the per-attempt timeout, and each completed call logged at Debug (method, URL without
/// credentials, status, audit trail; never bodies or headers).
/// </summary>
public static class ClientSettingsFactory
{
    public static ElasticsearchClientSettings Create(ElasticsearchOptions options, ILogger logger)
    {
        var auth = Authentication(options);
        NodePool pool = options.CloudId.Length > 0
            ? new CloudNodePool(options.CloudId, auth ?? throw new InvalidOperationException("CloudId needs credentials"))
            : new StaticNodePool(NodeUris(options.Urls));
        var settings = new ElasticsearchClientSettings(pool, DocumentSerializer);
        if (auth is not null && options.CloudId.Length == 0)
        {
            settings.Authentication(auth);
        }
        TlsTrust.Apply(settings, options);
        return settings
            .EnableHttpCompression()
            .RequestTimeout(TimeSpan.FromSeconds(options.RequestTimeoutSeconds))
            // ClusterClient retries with backoff (the transport retries at once, and only on another node): one layer of retries.
            .MaximumRetries(0)
            // Calls to a node marked dead go out without a HEAD ping first; the retry loop handles a node that is still down.
            .DisablePing()
            .OnRequestCompleted(call => logger.LogDebug("Elasticsearch {Method} {Url}: {Status} ({Audit})",
                call.HttpMethod, Redacted(call.Uri), call.HttpStatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no answer",
                string.Join(", ", call.AuditTrail?.Select(a => a.Event.ToString()) ?? [])));
    }

    /// <summary>
    /// Our documents (<c>_source</c>) in the field names the mappings, Kibana and the queries use: snake_case, nulls left
    /// out, numbers as the framework writes them. Requests and responses keep the client's own serializer.
    /// </summary>
    public static Serializer DocumentSerializer(Serializer builtIn, IElasticsearchClientSettings settings) =>
        new DefaultSourceSerializer(settings, json =>
        {
            json.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            json.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            // The client's double converters write 17 significant digits (52.52 becomes 52.520000000000003); the
            // framework's shortest round-trip form is exact too and is what the documents have always held.
            foreach (var converter in json.Converters.Where(c => c.GetType().Name is "DoubleWithFractionalPortionConverter" or "SingleWithFractionalPortionConverter").ToList())
            {
                json.Converters.Remove(converter);
            }
        });

    /// <summary>The configured node URLs (comma-separated <c>Urls</c>).</summary>
    public static IReadOnlyList<string> SplitUrls(string urls) =>
        urls.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static IEnumerable<Uri> NodeUris(string urls) => SplitUrls(urls).Select(u => new Uri(u, UriKind.Absolute));

    private static AuthorizationHeader? Authentication(ElasticsearchOptions options) =>
        options.ApiKey.Length > 0 ? new ApiKey(options.ApiKey)
        : options.Username.Length > 0 ? new BasicAuthentication(options.Username, options.Password)
        : null;

    private static string Redacted(Uri? uri) => uri is null ? "" : uri.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.UserInfo, UriFormat.UriEscaped);
}
