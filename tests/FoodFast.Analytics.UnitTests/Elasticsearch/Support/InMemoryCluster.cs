using System.Text;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using FoodFast.Analytics.Elasticsearch;
using FoodFast.Analytics.Elasticsearch.Connection;

namespace FoodFast.Analytics.UnitTests.Elasticsearch.Support;

/// <summary>
/// The official client, configured as the service configures it, over the transport's <see cref="InMemoryRequestInvoker"/>:
/// every call gets <paramref name="body"/> back, so a response fixture is read by the client's own typed deserializer.
/// </summary>
public static class InMemoryCluster
{
    public static ElasticsearchClient Answering(string body, int status = 200)
    {
        var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase) { ["X-Elastic-Product"] = ["Elasticsearch"] };
        var invoker = new InMemoryRequestInvoker(Encoding.UTF8.GetBytes(body), status, null, "application/json", headers);
        var settings = new ElasticsearchClientSettings(new SingleNodePool(new Uri("http://in-memory:9200")), invoker, ClientSettingsFactory.DocumentSerializer);
        return new ElasticsearchClient(settings);
    }

    /// <summary>A client that is never called: for serializing requests as the service sends them.</summary>
    public static ElasticsearchClient Offline() =>
        new(ClientSettingsFactory.Create(new ElasticsearchOptions { Urls = "http://localhost:9200" }, new CapturingLogger()));

    /// <summary>The body the client would send for <paramref name="request"/>, by its own serializer.</summary>
    public static string Serialize<T>(this ElasticsearchClient client, T request)
    {
        using var stream = new MemoryStream();
        client.RequestResponseSerializer.Serialize(request, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
