using FoodFast.Analytics.Core.Queries.Families;
using FoodFast.Analytics.Elasticsearch.Indices;
using FoodFast.Analytics.UnitTests.Elasticsearch.Support;

namespace FoodFast.Analytics.UnitTests.Elasticsearch.Query;

/// <summary>Search answers (§4.1 hits with _source and sort) merged newest first, with order summaries from their lines.</summary>
public sealed class SearchResponseTests
{
    private static string Hits(long total, params string[] sources) =>
        """{"took":1,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"total":{"value":"""
        + total + ""","relation":"eq"},"max_score":null,"hits":[""" + string.Join(',', sources.Select(s => """{"_index":"x","_id":"y","_score":null,"_source":""" + s + "}")) + "]}}";

    [Fact]
    public async Task Orders_and_events_merge_newest_first_and_orders_list_their_products_in_line_order()
    {
        using var node = new ScriptedNode(request => new ScriptedResponse(200, request.PathAndQuery switch
        {
            var p when p.StartsWith("/ff-order-lines/", StringComparison.Ordinal) && request.BodyText.Contains("collapse", StringComparison.Ordinal) =>
                Hits(3, """{"order_id":"a-1"}""", """{"order_id":"a-2"}"""),
            var p when p.StartsWith("/ff-order-lines/", StringComparison.Ordinal) => Hits(3,
                """{"shop_id":"shop-a","order_id":"a-2","product_name":"Brezel"}""", """{"shop_id":"shop-a","order_id":"a-1","product_name":"Käsespätzle"}""",
                """{"shop_id":"shop-a","order_id":"a-2","product_name":"Käsespätzle"}"""),
            var p when p.StartsWith("/ff-orders/", StringComparison.Ordinal) => Hits(2,
                """{"shop_id":"shop-a","order_id":"a-2","status":"delivered","total":6.96,"currency":"EUR","created_at":"2026-10-24T22:30:00Z"}""",
                """{"shop_id":"shop-a","order_id":"a-1","status":"delivered","total":11.63,"currency":"EUR","created_at":"2026-10-24T21:30:00Z"}"""),
            _ => Hits(1, """{"shop_id":"shop-a","event_id":"e-7","type":"search","query":"käse","@timestamp":"2026-10-25T09:00:00Z"}"""),
        }));
        var families = TestQueries.Families(TestClients.Create(TestClients.Options(node.Url)), new IndexNames("ff"));

        var (total, hits) = await families.SearchAsync(new SearchQuery("shop-a", "käse", SearchTarget.All, 0, 10), TestContext.Current.CancellationToken);

        Assert.Equal(3, total);
        Assert.Equal(["event e-7 search: käse", "order a-2 delivered 6.96 EUR: Brezel, Käsespätzle", "order a-1 delivered 11.63 EUR: Käsespätzle"],
            hits.Select(h => $"{h.Type} {h.Id} {h.Summary}"));
        Assert.Contains("\"terms\":{\"order_id\":[\"a-1\",\"a-2\"]}", node.Requests.Single(r => r.PathAndQuery.StartsWith("/ff-orders/", StringComparison.Ordinal)).BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain(node.Requests, r => r.BodyText.Contains("query_string\"", StringComparison.Ordinal) && !r.BodyText.Contains("simple_query_string", StringComparison.Ordinal));
    }
}
