using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Elasticsearch;
using FoodFast.Analytics.Elasticsearch.Connection;
using FoodFast.Analytics.Elasticsearch.Indices;
using FoodFast.Analytics.Elasticsearch.Sink;
using FoodFast.Analytics.UnitTests.Elasticsearch.Support;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;

namespace FoodFast.Analytics.UnitTests.Elasticsearch;

public sealed class StoreHealthTests
{
    [Theory]
    [InlineData("green", HealthStatus.Healthy)]
    [InlineData("yellow", HealthStatus.Degraded)]
    [InlineData("red", HealthStatus.Unhealthy)]
    public async Task Cluster_status_maps_to_health(string status, HealthStatus expected)
    {
        using var node = new ScriptedNode(r => r.PathAndQuery == "/" ? new ScriptedResponse(200, ClusterAnswers.Info()) : new ScriptedResponse(200, ClusterAnswers.Health(status)));

        var result = await Store(node).CheckAsync(TestContext.Current.CancellationToken);

        Assert.Equal(expected, result.Status);
        Assert.Equal($"Elasticsearch 9.2.0, cluster docker-cluster: {status}, 1 node(s)", result.Description);
        Assert.Equal(status, result.Data["status"]);
    }

    [Fact]
    public async Task The_version_is_probed_once()
    {
        using var node = new ScriptedNode(r => r.PathAndQuery == "/" ? new ScriptedResponse(200, ClusterAnswers.Info()) : new ScriptedResponse(200, ClusterAnswers.Health("green")));
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
    [InlineData("9.0.0", null)]
    [InlineData("9.5.1", null)]
    [InlineData("10.0.0", "the cluster runs Elasticsearch 10.0.0; this service needs Elasticsearch 9.x")]
    [InlineData("7.17.9", "the cluster runs Elasticsearch 7.17.9; this service needs Elasticsearch 9.x")]
    public void Only_elasticsearch_9_is_accepted(string version, string? refusal)
    {
        var ex = Record.Exception(() => ClusterProbe.Identify(version, "c"));

        Assert.Equal(refusal, ((StoreRefusedException?)ex)?.Message);
    }

    [Theory]
    [InlineData("9.0.0", "the cluster runs Elasticsearch 9.0.0, older than the client (9.5): Elastic supports a client with servers of its own minor or newer; upgrade the cluster to 9.5 or later")]
    [InlineData("9.4.3", "the cluster runs Elasticsearch 9.4.3, older than the client (9.5): Elastic supports a client with servers of its own minor or newer; upgrade the cluster to 9.5 or later")]
    [InlineData("9.5.5", null)]
    [InlineData("9.12.0", null)]
    public void A_9x_server_older_than_the_client_is_served_with_a_caveat(string version, string? caveat) =>
        Assert.Equal(caveat, ClusterProbe.Identify(version, "c").Caveat);

    [Fact]
    public async Task Elasticsearch_8_refusing_the_compatibility_header_stops_start_up_naming_found_and_needed()
    {
        using var node = new ScriptedNode(r => Elasticsearch8(r.Headers["Accept"]));

        var ex = await Assert.ThrowsAsync<StoreRefusedException>(() => Store(node).EnsureReadyAsync(TestContext.Current.CancellationToken));

        Assert.Equal("the cluster runs Elasticsearch 8.19.0; this service needs Elasticsearch 9.x", ex.Message);
        Assert.Equal(["/", "/"], node.Requests.Select(r => r.PathAndQuery));
        Assert.Equal("application/json", node.Requests[1].Headers["Accept"]);
    }

    [Fact]
    public async Task An_old_node_that_refuses_even_plain_json_is_still_named_as_8_or_older()
    {
        using var node = ScriptedNode.Playing(new ScriptedResponse(400, Elasticsearch8Refusal));

        var ex = await Assert.ThrowsAsync<StoreRefusedException>(() => Store(node).EnsureReadyAsync(TestContext.Current.CancellationToken));

        Assert.StartsWith("the cluster runs Elasticsearch 8.x or older (it refused the client's compatible-with=9 header: Invalid media-type value on headers [Accept] (caused by: Accept version must be either version 8 or 7, but found 9.", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("; this service needs Elasticsearch 9.x", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_is_not_elasticsearch_stops_start_up_naming_found_and_needed()
    {
        // OpenSearch answers GET / without the X-Elastic-Product header, which the client checks.
        using var node = new ScriptedNode(_ => new ScriptedResponse(200, """{"name":"os1","cluster_name":"opensearch","version":{"distribution":"opensearch","number":"2.17.1"},"tagline":"The OpenSearch Project: https://opensearch.org/"}"""), isElasticsearch: false);

        var ex = await Assert.ThrowsAsync<StoreRefusedException>(() => Store(TestClients.Options(node.Url)).EnsureReadyAsync(TestContext.Current.CancellationToken));

        Assert.Equal("the cluster runs a server that does not identify as Elasticsearch (no X-Elastic-Product header: OpenSearch or another product); this service needs Elasticsearch 9.x", ex.Message);
    }

    /// <summary>
    /// An 8.x node: a 400 to <c>Accept: application/vnd.elasticsearch+json;compatible-with=9</c>
    /// (RestCompatibleVersionHelper), its info to plain JSON.
    /// </summary>
    private static ScriptedResponse Elasticsearch8(string accept) => accept.Contains("compatible-with=9", StringComparison.Ordinal)
        ? new ScriptedResponse(400, Elasticsearch8Refusal)
        : new ScriptedResponse(200, ClusterAnswers.Info("8.19.0", lucene: "9.12.2", minimumWire: "7.17.0", minimumIndex: "7.0.0"));

    private const string Elasticsearch8Refusal = """{"error":{"root_cause":[{"type":"media_type_header_exception","reason":"Invalid media-type value on headers [Accept]"}],"type":"media_type_header_exception","reason":"Invalid media-type value on headers [Accept]","caused_by":{"type":"status_exception","reason":"Accept version must be either version 8 or 7, but found 9. Accept=application/vnd.elasticsearch+json; compatible-with=9"}},"status":400}""";

    private static ElasticsearchAnalyticsStore Store(ScriptedNode node) => Store(TestClients.Options(node.Url));

    private static ElasticsearchAnalyticsStore Store(ElasticsearchOptions options)
    {
        var client = TestClients.Create(options);
        var names = new IndexNames("ff");
        return new ElasticsearchAnalyticsStore(
            client,
            new ClusterProbe(client),
            new PrivilegeCheck(client, names),
            new IndexBootstrapper(client, names, options, new FoodFast.Analytics.Core.Retention.RetentionOptions(), TimeProvider.System, NullLogger.Instance),
            new ElasticsearchSink(client, names, Microsoft.Extensions.Options.Options.Create(options), NullLogger<ElasticsearchSink>.Instance),
            TestQueries.Aggregates(client, names),
            TestQueries.Families(client, names),
            TestQueries.Exports(client, names),
            TestQueries.Recommendations(client, names),
            new FoodFast.Analytics.Elasticsearch.Erasure.ElasticsearchCustomerErasure(client, names, NullLogger<FoodFast.Analytics.Elasticsearch.Erasure.ElasticsearchCustomerErasure>.Instance),
            new FoodFast.Analytics.Elasticsearch.Retention.MonthlyOrderRetention(client, names, NullLogger<FoodFast.Analytics.Elasticsearch.Retention.MonthlyOrderRetention>.Instance));
    }
}
