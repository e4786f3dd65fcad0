using FoodFast.Analytics.Elasticsearch.Connection;
using FoodFast.Analytics.Elasticsearch.Health;
using FoodFast.Analytics.Elasticsearch.Indices;
using FoodFast.Analytics.UnitTests.Elasticsearch.Support;

namespace FoodFast.Analytics.UnitTests.Elasticsearch;

/// <summary>The health endpoint's reading of the cluster, from answers in the documented shapes (§1.5, §6).</summary>
public sealed class StatusReaderTests
{
    [Fact]
    public async Task Reports_cluster_template_versions_aliases_and_the_data_stream()
    {
        using var node = new ScriptedNode(request => (request.Method, request.PathAndQuery) switch
        {
            ("GET", "/") => new ScriptedResponse(200, ClusterAnswers.Info()),
            ("GET", "/_cluster/health") => new ScriptedResponse(200, ClusterAnswers.Health("yellow", unassigned: 3)),
            ("GET", "/_component_template/ff-orders-mappings") => new ScriptedResponse(404, """{"error":{"type":"resource_not_found_exception","reason":"missing"},"status":404}"""),
            ("GET", var p) when p.StartsWith("/_component_template/", StringComparison.Ordinal) =>
                new ScriptedResponse(200, $$$"""{"component_templates":[{"name":"{{{p[21..]}}}","component_template":{"template":{},"version":2}}]}"""),
            ("GET", "/_index_template/ff-events") => new ScriptedResponse(200, """{"index_templates":[{"name":"ff-events","index_template":{"index_patterns":["ff-events*"],"version":0}}]}"""),
            ("GET", var p) when p.StartsWith("/_index_template/", StringComparison.Ordinal) =>
                new ScriptedResponse(200, $$$"""{"index_templates":[{"name":"{{{p[17..]}}}","index_template":{"index_patterns":[],"version":2}}]}"""),
            ("GET", "/_alias/ff-orders") => new ScriptedResponse(200, """{"ff-orders-2026.11":{"aliases":{"ff-orders":{}}},"ff-orders-2026.10":{"aliases":{"ff-orders":{}}}}"""),
            ("GET", "/_alias/ff-order-lines") => new ScriptedResponse(404, """{"error":"alias [ff-order-lines] missing","status":404}"""),
            ("GET", "/_data_stream/ff-events") => new ScriptedResponse(200,
                """{"data_streams":[{"name":"ff-events","timestamp_field":{"name":"@timestamp"},"indices":[{"index_name":".ds-ff-events-2026.11.01-000001","index_uuid":"x"}],"generation":1,"status":"GREEN","template":"ff-events","ilm_policy":"ff-events"}]}"""),
            _ => new ScriptedResponse(400, """{"error":"unexpected request"}"""),
        });
        var options = TestClients.Options(node.Url);
        var client = TestClients.Create(options);
        var reader = new ElasticsearchStatusReader(client, new ClusterProbe(client), new IndexNames("ff"), Microsoft.Extensions.Options.Options.Create(options));

        var status = await reader.ReadAsync(TestContext.Current.CancellationToken);

        Assert.Equal(("docker-cluster", "9.2.0", "elasticsearch", "yellow", 1), (status.ClusterName, status.Version, status.Flavor, status.Status, status.NumberOfNodes));
        Assert.Equal(
            ["component_template ff-settings 2 True", "component_template ff-orders-mappings - False", "component_template ff-order-lines-mappings 2 True",
             "component_template ff-events-mappings 2 True", "index_template ff-orders 2 True", "index_template ff-order-lines 2 True", "index_template ff-events 0 False"],
            status.Templates.Select(t => $"{t.Kind} {t.Name} {t.Installed?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} {t.Current}"));
        Assert.All(status.Templates, t => Assert.Equal(TemplateSet.Version, t.Expected));
        Assert.Equal(
            ["alias ff-orders True ff-orders-2026.10,ff-orders-2026.11 -", "alias ff-order-lines False  -", "data_stream ff-events True .ds-ff-events-2026.11.01-000001 green"],
            status.Targets.Select(t => $"{t.Kind} {t.Name} {t.Exists} {string.Join(',', t.Indices)} {t.Health ?? "-"}"));
    }
}
