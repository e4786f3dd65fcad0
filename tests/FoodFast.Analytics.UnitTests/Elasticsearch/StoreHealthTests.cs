using FoodFast.Analytics.Elasticsearch;
using FoodFast.Analytics.Elasticsearch.Client;
using FoodFast.Analytics.Elasticsearch.Indices;
using FoodFast.Analytics.Elasticsearch.Sink;
using FoodFast.Analytics.UnitTests.Elasticsearch.Support;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;

namespace FoodFast.Analytics.UnitTests.Elasticsearch;

public sealed class StoreHealthTests
{
    private const string Es8 = """{"name":"node-1","cluster_name":"docker-cluster","version":{"number":"8.15.3","build_flavor":"default"},"tagline":"You Know, for Search"}""";

    [Theory]
    [InlineData("green", HealthStatus.Healthy)]
    [InlineData("yellow", HealthStatus.Degraded)]
    [InlineData("red", HealthStatus.Unhealthy)]
    public async Task Cluster_status_maps_to_health(string status, HealthStatus expected)
    {
        using var node = new ScriptedNode(r => r.PathAndQuery == "/" ? new ScriptedResponse(200, Es8) : new ScriptedResponse(200, Health(status)));

        var result = await Store(node).CheckAsync(TestContext.Current.CancellationToken);

        Assert.Equal(expected, result.Status);
        Assert.Equal($"Elasticsearch 8.15.3, cluster docker-cluster: {status}, 1 node(s)", result.Description);
        Assert.Equal(status, result.Data["status"]);
    }

    [Fact]
    public async Task The_version_is_probed_once()
    {
        using var node = new ScriptedNode(r => r.PathAndQuery == "/" ? new ScriptedResponse(200, Es8) : new ScriptedResponse(200, Health("green")));
        var store = Store(node);

        await store.CheckAsync(TestContext.Current.CancellationToken);
        await store.CheckAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["/", "/_cluster/health", "/_cluster/health"], node.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task An_unreachable_cluster_is_unhealthy_and_the_check_does_not_throw()
    {
        var options = TestClients.Options(ScriptedNode.RefusingUrl());
        options.MaxRetries = 0;
        var store = Store(options);

        var result = await store.CheckAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.StartsWith("Elasticsearch info failed: no node answered", result.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"version":{"number":"7.17.9"}}""", "the cluster runs Elasticsearch 7.17.9; this service supports Elasticsearch 8.x or 9.x, or OpenSearch 2.x")]
    [InlineData("""{"version":{"number":"1.3.0","distribution":"opensearch"}}""", "the cluster runs OpenSearch 1.3.0; this service supports Elasticsearch 8.x or 9.x, or OpenSearch 2.x")]
    public async Task An_unsupported_version_is_refused_with_the_supported_range(string info, string reason)
    {
        using var node = ScriptedNode.Playing(new ScriptedResponse(200, info));

        var ex = await Assert.ThrowsAsync<ElasticsearchException>(() => Store(node).EnsureReadyAsync(TestContext.Current.CancellationToken));

        Assert.Equal(reason, ex.Reason);
    }

    [Theory]
    [InlineData("""{"version":{"number":"9.1.0"}}""", ClusterFlavor.Elasticsearch, "9.1.0")]
    [InlineData("""{"version":{"number":"8.16.0-SNAPSHOT","build_flavor":"serverless"}}""", ClusterFlavor.Elasticsearch, "8.16.0-SNAPSHOT")]
    [InlineData("""{"version":{"distribution":"opensearch","number":"2.17.1"}}""", ClusterFlavor.OpenSearch, "2.17.1")]
    public void Supported_versions_are_identified(string info, ClusterFlavor flavor, string version)
    {
        var identity = ClusterProbe.Identify(System.Text.Json.JsonSerializer.Deserialize(info, EsJson.Default.ServerInfo)!);

        Assert.Equal((flavor, version), (identity.Flavor, identity.Version));
    }

    private static string Health(string status) =>
        $$"""{"cluster_name":"docker-cluster","status":"{{status}}","timed_out":false,"number_of_nodes":1,"number_of_data_nodes":1,"active_primary_shards":5,"active_shards":5,"relocating_shards":0,"initializing_shards":0,"unassigned_shards":0}""";

    private static ElasticsearchAnalyticsStore Store(ScriptedNode node) => Store(TestClients.Options(node.Url));

    private static ElasticsearchAnalyticsStore Store(ElasticsearchOptions options)
    {
        var client = TestClients.Create(options);
        var names = new IndexNames("ff");
        return new ElasticsearchAnalyticsStore(
            client,
            new ClusterProbe(client),
            new IndexBootstrapper(client, names, options, new FoodFast.Analytics.Core.Retention.RetentionOptions(), TimeProvider.System, NullLogger.Instance),
            new ElasticsearchSink(client, names, Microsoft.Extensions.Options.Options.Create(options), NullLogger<ElasticsearchSink>.Instance),
            TestQueries.Aggregates(client, names),
            TestQueries.Families(client, names),
            TestQueries.Exports(client, names),
            new Analytics.Elasticsearch.Recommendations.ElasticsearchRecommendations(client, names));
    }
}
