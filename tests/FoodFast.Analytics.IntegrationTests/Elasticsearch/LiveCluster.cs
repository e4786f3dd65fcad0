using System.Text.Json;
using FoodFast.Analytics.Elasticsearch;
using FoodFast.Analytics.Elasticsearch.Connection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FoodFast.Analytics.IntegrationTests.Elasticsearch;

/// <summary>
/// The live cluster named by <c>ELASTICSEARCH_URL</c>, under an index prefix of its own: the backend's services, a raw
/// call, and a clean-up that removes every index, data stream, template and policy the prefix created.
/// </summary>
public sealed class LiveCluster : IAsyncDisposable
{
    public static readonly string? Url = Environment.GetEnvironmentVariable("ELASTICSEARCH_URL");

    public const string NotConfigured = "ELASTICSEARCH_URL is not set: no live cluster to test against";

    public string Prefix { get; } = $"fftest{Guid.NewGuid():N}"[..20];

    public ServiceProvider Services { get; }

    public LiveCluster()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Elasticsearch:Urls"] = Url,
            ["Storage:Elasticsearch:IndexPrefix"] = Prefix,
        }).AddEnvironmentVariables().Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddElasticsearchAnalyticsStore();
        Services = services.BuildServiceProvider();
    }

    public async Task<JsonElement> SendAsync(HttpMethod method, string path, CancellationToken ct, string? body = null)
    {
        var request = new EsRequest(method, path, "test") { Body = body is null ? null : System.Text.Encoding.UTF8.GetBytes(body) };
        var response = await Services.GetRequiredService<ClusterClient>().SendAsync(request, ct);
        return JsonDocument.Parse(response.Body).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        var client = Services.GetRequiredService<ClusterClient>();
        var missing = new HashSet<int> { 404 };
        string[] paths =
        [
            $"_data_stream/{Prefix}-events", $"{Prefix}-orders-*", $"{Prefix}-order-lines-*",
            $"_index_template/{Prefix}-orders", $"_index_template/{Prefix}-order-lines", $"_index_template/{Prefix}-events",
            $"_component_template/{Prefix}-settings", $"_component_template/{Prefix}-orders-mappings",
            $"_component_template/{Prefix}-order-lines-mappings", $"_component_template/{Prefix}-events-mappings",
            $"_ilm/policy/{Prefix}-events",
        ];
        foreach (var path in paths)
        {
            // Concrete index names: wildcard deletes are refused by default (action.destructive_requires_name).
            var target = path.EndsWith("-*", StringComparison.Ordinal) ? await ConcreteAsync(client, path) : path;
            if (target.Length > 0)
            {
                await client.SendAsync(new EsRequest(HttpMethod.Delete, target, "test_cleanup") { Accepted = missing }, CancellationToken.None);
            }
        }
        await Services.DisposeAsync();
    }

    private static async Task<string> ConcreteAsync(ClusterClient client, string pattern)
    {
        var response = await client.SendAsync(EsRequest.Get($"{pattern}/_settings/index.provided_name", "test_cleanup"), CancellationToken.None);
        return string.Join(',', JsonDocument.Parse(response.Body).RootElement.EnumerateObject().Select(p => p.Name));
    }
}
