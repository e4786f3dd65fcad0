using FoodFast.Analytics.Core.Queries.Families;
using FoodFast.Analytics.Elasticsearch.Indices;
using FoodFast.Analytics.Elasticsearch.Queries;
using FoodFast.Analytics.UnitTests.Elasticsearch.Support;

namespace FoodFast.Analytics.UnitTests.Elasticsearch.Query;

/// <summary>
/// Shops: a composite over shop_id of the orders with min and max of created_at and the currencies. The body against
/// Golden/; answers in the documented shapes (a date field's min and max answer epoch milliseconds in <c>value</c>,
/// the date in <c>value_as_string</c>).
/// </summary>
public sealed class ShopSummaryTests
{
    [Fact]
    public void The_request_is_a_composite_over_shops_with_first_and_last_order_and_currencies()
    {
        Golden.AssertJson("query-shops.json", TestClients.Json(ShopSummaries.Request(new ShopQuery(["shop-a", "shop-b"]))));
    }

    [Fact]
    public async Task Each_bucket_is_a_shop_with_its_first_and_last_order_count_and_currencies()
    {
        const string answer = """
            {"took":3,"timed_out":false,"_shards":{"total":2,"successful":2,"skipped":0,"failed":0},"hits":{"total":{"value":6,"relation":"eq"},"max_score":null,"hits":[]},
             "aggregations":{"composite#shops":{"after_key":{"shop":"shop-b"},"buckets":[
               {"key":{"shop":"shop-a"},"doc_count":4,"min#first":{"value":1.7928774E12,"value_as_string":"2026-10-24T21:30:00.000Z"},"max#last":{"value":1.792971E12,"value_as_string":"2026-10-25T23:30:00.000Z"},
                "sterms#currencies":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"EUR","doc_count":3},{"key":"GBP","doc_count":1}]}},
               {"key":{"shop":"shop-b"},"doc_count":2,"min#first":{"value":1.7929188E12,"value_as_string":"2026-10-25T09:00:00.000Z"},"max#last":{"value":1.7930052E12,"value_as_string":"2026-10-26T09:00:00.000Z"},
                "sterms#currencies":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"EUR","doc_count":2}]}}]}}}
            """;
        const string empty = """{"took":1,"timed_out":false,"_shards":{"total":2,"successful":2,"skipped":0,"failed":0},"hits":{"total":{"value":6,"relation":"eq"},"max_score":null,"hits":[]},"aggregations":{"composite#shops":{"buckets":[]}}}""";
        using var node = new ScriptedNode(request => new ScriptedResponse(200, request.BodyText.Contains("\"after\"", StringComparison.Ordinal) ? empty : answer));
        var families = TestQueries.Families(TestClients.Create(TestClients.Options(node.Url)), new IndexNames("ff"));

        var shops = await families.ShopsAsync(new ShopQuery(null), TestContext.Current.CancellationToken);

        Assert.Equal(
            ["shop-a|2026-10-24T21:30:00Z|2026-10-25T23:30:00Z|4|EUR,GBP", "shop-b|2026-10-25T09:00:00Z|2026-10-26T09:00:00Z|2|EUR"],
            shops.Select(s => $"{s.ShopId}|{s.FirstOrderAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}|{s.LastOrderAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}|{s.Orders}|{string.Join(',', s.Currencies)}"));
        Assert.Equal(2, node.Requests.Count);
        Assert.All(node.Requests, r => Assert.StartsWith("POST /ff-orders/_search", $"{r.Method} {r.PathAndQuery}", StringComparison.Ordinal));
    }
}
