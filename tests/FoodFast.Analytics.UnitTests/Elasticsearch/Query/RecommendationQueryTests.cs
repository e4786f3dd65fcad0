using System.Text.Json.Nodes;
using FoodFast.Analytics.Core.Recommendations;
using FoodFast.Analytics.Elasticsearch.Indices;
using FoodFast.Analytics.Elasticsearch.Queries;
using FoodFast.Analytics.Elasticsearch.Recommendations;
using FoodFast.Analytics.UnitTests.Elasticsearch.Support;

namespace FoodFast.Analytics.UnitTests.Elasticsearch.Query;

/// <summary>
/// Bought-together and trending request bodies against hand-written Golden/ files, and their answers (in the shapes the
/// Elasticsearch reference documents for significant_terms, terms and composite) read into the counts Core scores.
/// </summary>
public sealed class RecommendationQueryTests
{
    private static readonly DateTimeOffset From = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2026, 6, 15, 0, 0, 0, TimeSpan.Zero);
    private static readonly BoughtTogetherQuery Pairs = new("shop-r", "p1", From, To, MinSupport: 2, Limit: 10);

    private const string Shards = """ "took":3,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"total":{"value":0,"relation":"eq"},"hits":[]} """;

    private const string SignificantTerms = "{" + Shards + """
        ,"aggregations":{"sigsterms#together":{"doc_count":4,"bg_count":8,"buckets":[
          {"key":"p3","doc_count":2,"score":0.6666666666666666,"bg_count":3},
          {"key":"p2","doc_count":2,"score":0.5,"bg_count":4}]}}}
        """;

    private const string Labels = "{" + Shards + """
        ,"aggregations":{"sterms#products":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[
          {"key":"p2","doc_count":3,"sterms#name":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"Cola","doc_count":3}]},"sterms#category":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"beverages","doc_count":3}]}},
          {"key":"p3","doc_count":2,"sterms#name":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"Vanilla ice cream","doc_count":2}]},"sterms#category":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"ice_cream","doc_count":2}]}}]}}}
        """;

    private static string TrendingBucket(string product, string name, string category, int previous, int recent) =>
        "{\"key\":{\"product\":\"" + product + "\"},\"doc_count\":3," + Label("name", name) + "," + Label("category", category)
        + ",\"filter#recent\":{\"doc_count\":1,\"sum#units\":{\"value\":" + recent + ".0}},\"filter#previous\":{\"doc_count\":2,\"sum#units\":{\"value\":" + previous + ".0}}}";

    private static string Label(string agg, string key) =>
        "\"sterms#" + agg + "\":{\"doc_count_error_upper_bound\":0,\"sum_other_doc_count\":0,\"buckets\":[{\"key\":\"" + key + "\",\"doc_count\":3}]}";

    [Fact]
    public void Bought_together_is_significant_terms_on_product_ids_against_every_order_in_scope()
    {
        Golden.AssertJson("query-bought-together.json", TestClients.Json(RecommendationBodies.BoughtTogether(Pairs)));
        Golden.AssertJson("query-product-labels.json", TestClients.Json(RecommendationBodies.Labels(Pairs, ["p3", "p2"])));
    }

    [Fact]
    public void Trending_pages_a_composite_over_products_with_units_per_window()
    {
        var query = new TrendingQuery(null, To, TimeSpan.FromDays(7));

        Golden.AssertJson("query-trending-page-2.json", TestClients.Json(CompositePager.WithAfter(RecommendationBodies.Trending(query), "products",
            new Dictionary<string, Elastic.Clients.Elasticsearch.FieldValue> { ["product"] = "p3" })));
    }

    [Fact]
    public void Significant_terms_counts_are_n_a_b_and_n_b_per_bucket_and_n_a_and_n_overall()
    {
        var counts = RecommendationReader.Pairs(TestClients.SearchAnswer(SignificantTerms));

        Assert.Equal((8L, 4L), (counts.Orders, counts.OrdersWithProduct));
        Assert.Equal(["p3|2|3", "p2|2|4"], counts.Candidates.Select(c => $"{c.ProductId}|{c.Together}|{c.OrdersWithOther}"));
        Assert.Equal(["p3|0.25|0.5|1.3333", "p2|0.25|0.5|1"], BoughtTogether.Score(counts, 10).Select(i => $"{i.ProductId}|{i.Support:0.####}|{i.Confidence:0.####}|{i.Lift:0.####}"));
    }

    [Fact]
    public async Task The_store_asks_for_pairs_then_for_their_names_and_pages_trending_until_the_last_page()
    {
        var trendingPage = "{" + Shards + ",\"aggregations\":{\"composite#products\":{\"after_key\":{\"product\":\"p3\"},\"buckets\":["
            + TrendingBucket("p1", "Lasagne", "ready_meals", 5, 3) + "," + TrendingBucket("p3", "Vanilla ice cream", "ice_cream", 3, 6) + "]}}}";
        var lastPage = "{" + Shards + ",\"aggregations\":{\"composite#products\":{\"buckets\":[]}}}";
        using var node = new ScriptedNode(request => new ScriptedResponse(200,
            request.BodyText.Contains("significant_terms", StringComparison.Ordinal) ? SignificantTerms
            : request.BodyText.Contains("\"after\"", StringComparison.Ordinal) ? lastPage
            : request.BodyText.Contains("composite", StringComparison.Ordinal) ? trendingPage
            : Labels));
        var source = TestQueries.Recommendations(TestClients.Create(TestClients.Options(node.Url)), new IndexNames("ff"));

        var pairs = await source.PairsAsync(Pairs, TestContext.Current.CancellationToken);
        var units = await source.UnitsAsync(new TrendingQuery("shop-r", To, TimeSpan.FromDays(7)), TestContext.Current.CancellationToken);

        Assert.Equal(["p3|Vanilla ice cream|ice_cream", "p2|Cola|beverages"], pairs.Candidates.Select(c => $"{c.ProductId}|{c.ProductName}|{c.Category}"));
        Assert.Equal(["p1|Lasagne|5|3", "p3|Vanilla ice cream|3|6"], units.Select(u => $"{u.ProductId}|{u.ProductName}|{u.PreviousUnits}|{u.RecentUnits}"));
        Assert.Equal(["/ff-orders/_search", "/ff-order-lines/_search", "/ff-order-lines/_search", "/ff-order-lines/_search"],
            node.Requests.Select(r => r.PathAndQuery.Split('?')[0]));
    }

    [Fact]
    public async Task No_candidates_means_no_second_request_and_an_empty_answer_reads_as_zero()
    {
        var empty = "{" + Shards + ",\"aggregations\":{\"sigsterms#together\":{\"doc_count\":0,\"bg_count\":8,\"buckets\":[]}}}";
        using var node = ScriptedNode.Playing(new ScriptedResponse(200, empty));
        var source = TestQueries.Recommendations(TestClients.Create(TestClients.Options(node.Url)), new IndexNames("ff"));

        var pairs = await source.PairsAsync(Pairs with { ProductId = "nope" }, TestContext.Current.CancellationToken);

        Assert.Equal((8L, 0L, 0), (pairs.Orders, pairs.OrdersWithProduct, pairs.Candidates.Count));
        Assert.Single(node.Requests);
    }
}
