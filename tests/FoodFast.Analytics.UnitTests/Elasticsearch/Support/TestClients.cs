using FoodFast.Analytics.Elasticsearch;
using FoodFast.Analytics.Elasticsearch.Client;

namespace FoodFast.Analytics.UnitTests.Elasticsearch.Support;

/// <summary>Clients over plain HTTP handlers with short backoff, so retry tests run in milliseconds.</summary>
public static class TestClients
{
    public static readonly Backoff Fast = new(TimeSpan.FromMilliseconds(2), TimeSpan.FromMilliseconds(20));

    public static ElasticsearchOptions Options(params string[] urls) => new() { Urls = string.Join(',', urls), MaxRetries = 3, RequestTimeoutSeconds = 5 };

    public static ElasticsearchClient Create(ElasticsearchOptions options, CapturingLogger? logger = null, Backoff? backoff = null) =>
        new(options, new SocketsHttpHandler(), backoff ?? Fast, TimeProvider.System, logger ?? new CapturingLogger());
}
