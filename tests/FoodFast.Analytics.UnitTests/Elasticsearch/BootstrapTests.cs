using System.Text.Json.Nodes;
using FoodFast.Analytics.Core.Retention;
using FoodFast.Analytics.Elasticsearch;
using FoodFast.Analytics.Elasticsearch.Connection;
using FoodFast.Analytics.Elasticsearch.Indices;
using FoodFast.Analytics.UnitTests.Elasticsearch.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace FoodFast.Analytics.UnitTests.Elasticsearch;

/// <summary>Start-up bootstrap against a listener that plays a cluster holding templates of a given version (or none).</summary>
public sealed class BootstrapTests
{
    private const string Acknowledged = """{"acknowledged":true}""";
    private const string AlreadyExists = """{"error":{"root_cause":[{"type":"resource_already_exists_exception","reason":"index [ff-orders-2026.11/abc] already exists"}],"type":"resource_already_exists_exception","reason":"index [ff-orders-2026.11/abc] already exists"},"status":400}""";

    [Fact]
    public async Task An_empty_cluster_gets_policy_components_templates_data_stream_and_this_months_indices_in_order()
    {
        using var node = new ScriptedNode(Cluster(installedVersion: null));

        await Bootstrapper(node).EnsureReadyAsync(TestContext.Current.CancellationToken);

        Assert.Equal(
        [
            "GET /_ilm/policy/ff-events", "PUT /_ilm/policy/ff-events",
            "GET /_component_template/ff-settings", "PUT /_component_template/ff-settings",
            "GET /_component_template/ff-orders-mappings", "PUT /_component_template/ff-orders-mappings",
            "GET /_component_template/ff-order-lines-mappings", "PUT /_component_template/ff-order-lines-mappings",
            "GET /_component_template/ff-events-mappings", "PUT /_component_template/ff-events-mappings",
            "GET /_index_template/ff-orders", "PUT /_index_template/ff-orders",
            "GET /_index_template/ff-order-lines", "PUT /_index_template/ff-order-lines",
            "GET /_index_template/ff-events", "PUT /_index_template/ff-events",
            "PUT /_data_stream/ff-events", "PUT /ff-orders-2026.11", "PUT /ff-order-lines-2026.11",
        ], node.Requests.Select(r => $"{r.Method} {r.PathAndQuery}"));
        Golden.AssertJson("ilm-policy-ff-events.json", JsonNode.Parse(node.Requests[1].Body));
        Golden.AssertJson("index-template-ff-orders.json", JsonNode.Parse(node.Requests[11].Body));
    }

    [Fact]
    public async Task A_cluster_with_the_current_version_is_left_alone()
    {
        using var node = new ScriptedNode(Cluster(installedVersion: TemplateSet.Version));

        await Bootstrapper(node).EnsureReadyAsync(TestContext.Current.CancellationToken);

        Assert.DoesNotContain(node.Requests, r => r.Method == "PUT" && r.PathAndQuery.Contains("template", StringComparison.Ordinal));
        Assert.DoesNotContain(node.Requests, r => r.Method == "PUT" && r.PathAndQuery.StartsWith("/_ilm", StringComparison.Ordinal));
        Assert.Equal(3, node.Requests.Count(r => r.Method == "PUT")); // data stream and indices, answered "already exists"
    }

    [Fact]
    public async Task An_older_version_is_upgraded_and_a_newer_one_never_downgraded()
    {
        using var older = new ScriptedNode(Cluster(installedVersion: TemplateSet.Version - 1));
        using var newer = new ScriptedNode(Cluster(installedVersion: TemplateSet.Version + 1));

        await Bootstrapper(older).EnsureReadyAsync(TestContext.Current.CancellationToken);
        await Bootstrapper(newer).EnsureReadyAsync(TestContext.Current.CancellationToken);

        Assert.Equal(8, older.Requests.Count(r => r.Method == "PUT" && (r.PathAndQuery.Contains("template", StringComparison.Ordinal) || r.PathAndQuery.StartsWith("/_ilm", StringComparison.Ordinal))));
        Assert.Equal(0, newer.Requests.Count(r => r.Method == "PUT" && (r.PathAndQuery.Contains("template", StringComparison.Ordinal) || r.PathAndQuery.StartsWith("/_ilm", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task A_changed_EventsDays_rewrites_only_the_policy()
    {
        using var node = new ScriptedNode(Cluster(installedVersion: TemplateSet.Version, eventsDays: 90));

        await Bootstrapper(node, eventsDays: 30).EnsureReadyAsync(TestContext.Current.CancellationToken);

        var policy = node.Requests.Single(r => r.Method == "PUT" && r.PathAndQuery == "/_ilm/policy/ff-events");
        Assert.Equal("30d", JsonNode.Parse(policy.Body)!["policy"]!["phases"]!["delete"]!["min_age"]!.GetValue<string>());
        Assert.Equal(30, JsonNode.Parse(policy.Body)!["policy"]!["_meta"]!["events_days"]!.GetValue<int>());
        Assert.DoesNotContain(node.Requests, r => r.Method == "PUT" && r.PathAndQuery.Contains("template", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_400_other_than_already_exists_fails_the_bootstrap()
    {
        using var node = new ScriptedNode(request => request.Method == "PUT" && request.PathAndQuery == "/_data_stream/ff-events"
            ? new ScriptedResponse(400, """{"error":{"type":"illegal_argument_exception","reason":"no matching index template found for data stream [ff-events]"},"status":400}""")
            : Cluster(installedVersion: TemplateSet.Version)(request));

        var ex = await Assert.ThrowsAsync<ElasticsearchException>(() => Bootstrapper(node).EnsureReadyAsync(TestContext.Current.CancellationToken));

        Assert.Equal("Elasticsearch create_data_stream failed: HTTP 400 illegal_argument_exception: no matching index template found for data stream [ff-events]", ex.Message);
    }

    private static IndexBootstrapper Bootstrapper(ScriptedNode node, int eventsDays = 90)
    {
        var options = TestClients.Options(node.Url);
        var now = DateTimeOffset.Parse("2026-11-21T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        return new IndexBootstrapper(TestClients.Create(options), new IndexNames("ff"), options, new RetentionOptions { EventsDays = eventsDays },
            new FixedTime(now), NullLogger.Instance);
    }

    /// <summary>A cluster whose templates and policy carry <paramref name="installedVersion"/>, or none at all (null); the policy keeps events <paramref name="eventsDays"/>.</summary>
    private static Func<RecordedRequest, ScriptedResponse> Cluster(int? installedVersion, int eventsDays = 90) => request =>
    {
        var path = request.PathAndQuery;
        if (request.Method == "GET")
        {
            if (installedVersion is not { } v)
            {
                return new ScriptedResponse(404, "{}");
            }
            var name = path[(path.LastIndexOf('/') + 1)..];
            return path switch
            {
                _ when path.StartsWith("/_ilm/", StringComparison.Ordinal) =>
                    new ScriptedResponse(200, "{\"" + name + "\":{\"version\":7,\"policy\":{\"_meta\":{\"managed_by\":\"foodfast-analytics\",\"template_version\":" + v + ",\"events_days\":" + eventsDays + "},\"phases\":{}}}}"),
                _ when path.StartsWith("/_component_template/", StringComparison.Ordinal) =>
                    new ScriptedResponse(200, $$$"""{"component_templates":[{"name":"{{{name}}}","component_template":{"template":{},"version":{{{v}}}}}]}"""),
                _ when path.StartsWith("/_index_template/", StringComparison.Ordinal) =>
                    new ScriptedResponse(200, $$$"""{"index_templates":[{"name":"{{{name}}}","index_template":{"index_patterns":[],"composed_of":[],"version":{{{v}}}}}]}"""),
                _ => new ScriptedResponse(200, """{"policy":{}}"""),
            };
        }
        var exists = installedVersion is not null && (path.StartsWith("/_data_stream/", StringComparison.Ordinal) || path.StartsWith("/ff-", StringComparison.Ordinal));
        return exists ? new ScriptedResponse(400, AlreadyExists) : new ScriptedResponse(200, Acknowledged);
    };
}
