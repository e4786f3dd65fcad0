using FoodFast.Analytics.Elasticsearch;
using FoodFast.Analytics.Elasticsearch.Connection;

namespace FoodFast.Analytics.UnitTests.Elasticsearch.Support;

/// <summary>Clients built as the service builds them, with short backoff, so retry tests run in milliseconds.</summary>
public static class TestClients
{
    public static readonly Backoff Fast = new(TimeSpan.FromMilliseconds(2), TimeSpan.FromMilliseconds(20));

    public static ElasticsearchOptions Options(params string[] urls) => new() { Urls = string.Join(',', urls), MaxRetries = 3, RequestTimeoutSeconds = 5 };

    public static ClusterClient Create(ElasticsearchOptions options, CapturingLogger? logger = null, Backoff? backoff = null)
    {
        logger ??= new CapturingLogger();
        var typed = new Elastic.Clients.Elasticsearch.ElasticsearchClient(ClientSettingsFactory.Create(options, logger));
        return new ClusterClient(typed, options.MaxRetries, backoff ?? Fast, TimeProvider.System, logger);
    }

    private static readonly Elastic.Clients.Elasticsearch.ElasticsearchClient Serializing = InMemoryCluster.Offline();

    /// <summary>A search answer read by the client's own serializer, as if the node had sent it (with typed_keys names).</summary>
    public static Elastic.Clients.Elasticsearch.SearchResponse<System.Text.Json.JsonElement> SearchAnswer(string json)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        return Serializing.RequestResponseSerializer.Deserialize<Elastic.Clients.Elasticsearch.SearchResponse<System.Text.Json.JsonElement>>(stream)!;
    }

    /// <summary>A typed request's body as the client's own serializer writes it on the wire.</summary>
    public static System.Text.Json.Nodes.JsonNode Json<T>(T request) =>
        System.Text.Json.Nodes.JsonNode.Parse(Serializing.Serialize(request))!;
}
