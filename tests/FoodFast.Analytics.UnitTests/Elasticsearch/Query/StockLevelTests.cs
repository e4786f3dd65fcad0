using System.Text.Json.Nodes;
using FoodFast.Analytics.Core.Queries.Families;
using FoodFast.Analytics.Elasticsearch.Indices;
using FoodFast.Analytics.Elasticsearch.Queries;
using FoodFast.Analytics.UnitTests.Elasticsearch.Support;

namespace FoodFast.Analytics.UnitTests.Elasticsearch.Query;

/// <summary>
/// Stock levels: a composite over (shop, product) with the newest inventory event per bucket through top_hits. Bodies
/// against Golden/, answers written in the documented shapes (the reference's composite with after_key, and top_hits hits).
/// </summary>
public sealed class StockLevelTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 10, 23, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_request_is_a_composite_over_shop_and_product_keeping_the_newest_event()
    {
        Golden.AssertJson("query-stock-levels.json", TestClients.Json(StockLevels.Request(new StockQuery("shop-a", AsOf))));
        Golden.AssertJson("query-stock-levels-page-2.json", TestClients.Json(CompositePager.WithAfter(StockLevels.Request(new StockQuery(null, AsOf)), "products",
            new Dictionary<string, Elastic.Clients.Elasticsearch.FieldValue> { ["shop"] = "shop-a", ["product"] = "p4" })));
    }

    [Fact]
    public async Task Levels_are_read_from_each_buckets_top_hit_across_pages()
    {
        var first = Answer("""{"shop":"shop-a","product":"p4"}""",
            Bucket("shop-a", "p1", """{"shop_id":"shop-a","product_id":"p1","stock_level":5,"@timestamp":"2026-10-20T10:00:00Z"}""", "[1792490400000,\"00000000-0000-4000-8000-000000000104\"]"),
            Bucket("shop-a", "p4", """{"shop_id":"shop-a","product_id":"p4","product_name":"Earl Grey","stock_level":30,"@timestamp":"2026-10-21T09:00:00.123Z"}""", "[1792573200123,\"00000000-0000-4000-8000-000000000105\"]"));
        var last = Answer("""{"shop":"shop-b","product":"p5"}""",
            Bucket("shop-b", "p5", """{"shop_id":"shop-b","product_id":"p5","product_name":"Apfel","stock_level":0,"@timestamp":"2026-10-21T07:00:00Z"}""", "[1792566000000,\"00000000-0000-4000-8000-000000000107\"]"));
        using var node = new ScriptedNode(request => new ScriptedResponse(200,
            !request.BodyText.Contains("\"after\"", StringComparison.Ordinal) ? first
            : request.BodyText.Contains("\"p4\"", StringComparison.Ordinal) ? last
            : Answer(null)));
        var families = TestQueries.Families(TestClients.Create(TestClients.Options(node.Url)), new IndexNames("ff"));

        var levels = await families.StockAsync(new StockQuery(null, AsOf), TestContext.Current.CancellationToken);

        Assert.Equal(
        [
            new StockLevel("shop-a", "p1", null, 5, new(2026, 10, 20, 10, 0, 0, TimeSpan.Zero)),
            new StockLevel("shop-a", "p4", "Earl Grey", 30, new(2026, 10, 21, 9, 0, 0, 123, TimeSpan.Zero)),
            new StockLevel("shop-b", "p5", "Apfel", 0, new(2026, 10, 21, 7, 0, 0, TimeSpan.Zero)),
        ], levels);
        Assert.Equal(3, node.Requests.Count);
        Assert.All(node.Requests, r => Assert.Equal("POST /ff-events/_search?ignore_unavailable=true&allow_no_indices=true&typed_keys=true", $"{r.Method} {r.PathAndQuery}"));
        Assert.Equal("""{"shop":"shop-b","product":"p5"}""", JsonNode.Parse(node.Requests[2].Body)!["aggregations"]!["products"]!["composite"]!["after"]!.ToJsonString());
    }

    [Fact]
    public void No_events_data_stream_yet_means_no_levels()
    {
        var levels = new List<StockLevel>();

        StockLevels.ReadPage(TestClients.SearchAnswer("""{"took":0,"timed_out":false,"_shards":{"total":0,"successful":0,"skipped":0,"failed":0},"hits":{"max_score":0.0,"hits":[]}}"""), levels);

        Assert.Empty(levels);
    }

    [Fact]
    public async Task A_page_with_failed_shards_is_an_error_not_a_short_list()
    {
        const string partial = """{"took":3,"timed_out":false,"_shards":{"total":2,"successful":1,"skipped":0,"failed":1,"failures":[{"shard":0,"index":".ds-ff-events-2026.10.01-000001","reason":{"type":"illegal_argument_exception","reason":"x"}}]},"hits":{"hits":[]},"aggregations":{"composite#products":{"buckets":[]}}}""";

        using var node = ScriptedNode.Playing(new ScriptedResponse(200, partial));
        var families = TestQueries.Families(TestClients.Create(TestClients.Options(node.Url)), new IndexNames("ff"));

        var ex = await Assert.ThrowsAsync<FoodFast.Analytics.Elasticsearch.Connection.ElasticsearchException>(() => families.StockAsync(new StockQuery(null, AsOf), TestContext.Current.CancellationToken));

        Assert.Equal("search_stock_levels", ex.Step);
    }

    private static string Answer(string? afterKey, params string[] buckets) =>
        "{\"took\":2,\"timed_out\":false,\"_shards\":{\"total\":1,\"successful\":1,\"skipped\":0,\"failed\":0},\"hits\":{\"total\":{\"value\":7,\"relation\":\"eq\"},\"max_score\":null,\"hits\":[]},"
        + "\"aggregations\":{\"composite#products\":{" + (afterKey is null ? "" : $"\"after_key\":{afterKey},") + "\"buckets\":[" + string.Join(',', buckets) + "]}}}";

    private static string Bucket(string shop, string product, string source, string sort) =>
        $$$"""{"key":{"shop":"{{{shop}}}","product":"{{{product}}}"},"doc_count":2,"top_hits#latest":{"hits":{"total":{"value":2,"relation":"eq"},"max_score":null,"hits":[{"_index":".ds-ff-events-2026.10.01-000001","_id":"x","_score":null,"_source":{{{source}}},"sort":{{{sort}}}}]""" + "}}}";
}
