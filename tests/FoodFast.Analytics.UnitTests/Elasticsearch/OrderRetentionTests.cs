using System.Globalization;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Elasticsearch.Indices;
using FoodFast.Analytics.Elasticsearch.Retention;
using FoodFast.Analytics.UnitTests.Elasticsearch.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace FoodFast.Analytics.UnitTests.Elasticsearch;

/// <summary>Order retention on Elasticsearch against a listener playing a cluster with monthly order indices.</summary>
public sealed class OrderRetentionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // OrdersDays=60 on 2026-11-21T10:00Z.
    private static readonly DateTimeOffset Cutoff = DateTimeOffset.Parse("2026-09-22T10:00:00Z", CultureInfo.InvariantCulture);

    private const string Indices = """
        {"ff-order-lines-2026.06":{"aliases":{"ff-order-lines":{}}},"ff-orders-2026.07":{"aliases":{"ff-orders":{}}},
         "ff-order-lines-2026.07":{"aliases":{"ff-order-lines":{}}},"ff-orders-2026.08":{"aliases":{"ff-orders":{}}},
         "ff-order-lines-2026.08":{"aliases":{"ff-order-lines":{}}},"ff-orders-2026.09":{"aliases":{"ff-orders":{}}},
         "ff-orders-2026.11":{"aliases":{"ff-orders":{}}},"ff-orders-orders-2026.01":{"aliases":{}}}
        """;

    [Fact]
    public async Task Deletes_by_exact_name_the_months_that_ended_before_the_cutoff_and_hold_no_newer_change()
    {
        using var node = new ScriptedNode(request => (request.Method, request.PathAndQuery) switch
        {
            // The client percent-encodes the pattern list in the path (Elasticsearch decodes it): ff-orders-*,ff-order-lines-*.
            ("GET", "/ff-orders-%2A%2Cff-order-lines-%2A/_alias") => new(200, Indices),
            // July: newest change 2026-09-01, two shops. August: an order refunded on 2026-10-01, after the cutoff.
            ("POST", "/ff-orders-2026.07/_search?typed_keys=true") => new(200, Search(1788220800000, """[{"key":"shop-a","doc_count":3},{"key":"shop-b","doc_count":2}]""")),
            ("POST", "/ff-orders-2026.08/_search?typed_keys=true") => new(200, Search(1790812800000, """[{"key":"shop-a","doc_count":4}]""")),
            ("DELETE", _) => new(200, """{"acknowledged":true}"""),
            _ => new(400, """{"error":{"type":"illegal_argument_exception","reason":"not scripted"},"status":400}"""),
        });

        var result = await Retention(node).DeleteBeforeAsync(Cutoff, Ct);

        Assert.Equal(
        [
            "GET /ff-orders-%2A%2Cff-order-lines-%2A/_alias",
            "DELETE /ff-order-lines-2026.06",
            "POST /ff-orders-2026.07/_search?typed_keys=true",
            "DELETE /ff-orders-2026.07%2Cff-order-lines-2026.07",
            "POST /ff-orders-2026.08/_search?typed_keys=true",
        ], node.Requests.Select(r => $"{r.Method} {r.PathAndQuery}"));
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(
            System.Text.Json.Nodes.JsonNode.Parse("""{"size":0,"aggregations":{"newest":{"max":{"field":"updated_at"}},"shops":{"terms":{"field":"shop_id","size":10000}}}}"""),
            System.Text.Json.Nodes.JsonNode.Parse(node.Requests[2].BodyText)), node.Requests[2].BodyText);
        Assert.Equal(["ff-order-lines-2026.06", "ff-orders-2026.07", "ff-order-lines-2026.07"], result.Indices);
        Assert.Equal(["shop-a:3", "shop-b:2"], result.OrdersPerShop.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}:{p.Value}"));
    }

    [Fact]
    public async Task A_month_ending_after_the_cutoff_is_never_looked_at()
    {
        using var node = new ScriptedNode(_ => new(200, """{"ff-orders-2026.09":{"aliases":{}},"ff-order-lines-2026.09":{"aliases":{}}}"""));

        // September ends on 2026-10-01, a day after this cutoff: its orders may be younger than the retention.
        var result = await Retention(node).DeleteBeforeAsync(DateTimeOffset.Parse("2026-09-30T00:00:00Z", CultureInfo.InvariantCulture), Ct);

        Assert.Equal(["GET /ff-orders-%2A%2Cff-order-lines-%2A/_alias"], node.Requests.Select(r => $"{r.Method} {r.PathAndQuery}"));
        Assert.Empty(result.Indices);
    }

    [Fact]
    public async Task A_refused_delete_is_a_failure_of_elasticsearch_naming_what_was_already_deleted()
    {
        using var node = new ScriptedNode(request => request.Method switch
        {
            "GET" => new(200, """{"ff-order-lines-2026.05":{"aliases":{}},"ff-order-lines-2026.06":{"aliases":{}}}"""),
            _ when request.PathAndQuery == "/ff-order-lines-2026.05" => new(200, """{"acknowledged":true}"""),
            _ => new(403, """{"error":{"type":"security_exception","reason":"action [indices:admin/delete] is unauthorized"},"status":403}"""),
        });

        var ex = await Assert.ThrowsAsync<DependencyFailedException>(() => Retention(node).DeleteBeforeAsync(Cutoff, Ct));

        Assert.Equal(("elasticsearch", "order_retention", false), (ex.Dependency, ex.Step, ex.Unavailable));

        Assert.Equal("order retention on Elasticsearch stopped after deleting 1 indices: Elasticsearch delete_index failed: HTTP 403 security_exception: action [indices:admin/delete] is unauthorized", ex.Message);
    }

    private static string Search(long newestMillis, string buckets) =>
        """{"took":1,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"total":{"value":5,"relation":"eq"},"max_score":null,"hits":[]},"aggregations":{"max#newest":{"value":"""
        + newestMillis.ToString(CultureInfo.InvariantCulture) + """.0,"value_as_string":"x"},"sterms#shops":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":"""
        + buckets + "}}}";

    private static MonthlyOrderRetention Retention(ScriptedNode node) =>
        new(TestClients.Create(TestClients.Options(node.Url)), new IndexNames("ff"), NullLogger<MonthlyOrderRetention>.Instance);
}
