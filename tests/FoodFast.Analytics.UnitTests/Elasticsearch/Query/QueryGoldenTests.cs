using System.Text.Json.Nodes;
using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Queries.Catalogue;
using FoodFast.Analytics.Core.Queries.Families;
using FoodFast.Analytics.Elasticsearch.Indices;
using FoodFast.Analytics.Elasticsearch.Queries;
using FoodFast.Analytics.UnitTests.Elasticsearch.Support;
using Microsoft.Extensions.Logging.Abstractions;
using static FoodFast.Analytics.UnitTests.Elasticsearch.Query.Queries;

namespace FoodFast.Analytics.UnitTests.Elasticsearch.Query;

/// <summary>Compiled request bodies against the hand-written files in Golden/ (written from the Elasticsearch reference, §4).</summary>
public sealed class QueryGoldenTests
{
    [Fact]
    public void Daily_revenue_is_a_composite_with_a_zoned_date_histogram_source_and_a_sum()
    {
        var query = Validated(Of(Datasets.Orders, "revenue", "order_count") with { Bucket = TimeBucket.Day, Filters = [Euro] });

        Golden.AssertJson("query-orders-daily-revenue.json", TestClients.Json(AggregationCompiler.Compile(query, new SearchPlan(TimeBasis.Primary, [], [0, 1]))));
    }

    [Fact]
    public void Search_terms_group_and_filter_by_the_keyword_sub_field_of_the_text_field()
    {
        // Defect 1 of issue 19: "query" is text in the events mapping; a composite over it is a 400 and a terms filter matches single words.
        var query = Validated(Of(Datasets.Events, "event_count") with { GroupBy = ["query"], Filters = [new("query", ["vegan pizza"])] });

        var body = TestClients.Json(AggregationCompiler.Compile(query, new SearchPlan(TimeBasis.Primary, [0], [0])));

        Snapshots.Match("query-search-terms-by-keyword.json", body.ToJsonString());
        Assert.Equal("query.keyword", body["aggregations"]!["groups"]!["composite"]!["sources"]![0]!["d0"]!["terms"]!["field"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("America/Sao_Paulo")]
    [InlineData("Asia/Kolkata")]
    public void The_date_histogram_takes_the_iana_zone_id_it_is_given(string zone)
    {
        var query = Validated(Of(Datasets.Orders, "order_count") with { TimeZone = zone, Bucket = TimeBucket.Day });

        var histogram = TestClients.Json(AggregationCompiler.Compile(query, new SearchPlan(TimeBasis.Primary, [], [0])))["aggregations"]!["groups"]!["composite"]!["sources"]![0]!["bucket"]!["date_histogram"]!;

        Assert.Equal(zone, histogram["time_zone"]!.GetValue<string>());
    }

    [Fact]
    public void Refunds_use_the_refund_time_and_send_the_after_key_back()
    {
        var query = Validated(Of(Datasets.Orders, "revenue", "refund_total") with { Bucket = TimeBucket.Hour, GroupBy = ["channel"] });
        var after = new Dictionary<string, Elastic.Clients.Elasticsearch.FieldValue> { ["bucket"] = 1793008800000L, ["d0"] = "web", ["d1"] = "EUR" };

        Golden.AssertJson("query-orders-refunds-by-hour-page-2.json", TestClients.Json(CompositePager.WithAfter(AggregationCompiler.Compile(query, new SearchPlan(TimeBasis.Refunded, [0, 1], [1])), AggregationCompiler.Groups, after)));
    }

    [Fact]
    public void Time_parts_are_runtime_fields_in_the_zone_and_row_conditions_are_filter_sub_aggregations()
    {
        var query = Validated(Of(Datasets.Events, "event_count", "purchasing_sessions", "review_count", "rating_sum") with
        {
            ShopId = null, GroupBy = ["day_of_week"], Filters = [new("device", ["tablet"], Exclude: true), new("hour_of_day", ["9", "10"])],
            Ranges = [new("value", 1m, 100m)],
        });

        Golden.AssertJson("query-events-by-day-of-week.json", TestClients.Json(AggregationCompiler.Compile(query, new SearchPlan(TimeBasis.Primary, [0], [0, 1, 2, 3]))));
    }

    [Fact]
    public void Top_n_keeps_the_ranked_keys_with_labels_and_asks_for_the_rest_with_must_not()
    {
        var query = Validated(Of(Datasets.OrderItems, "revenue", "units", "order_count") with { GroupBy = ["product"], Top = 1, Filters = [Euro] });

        Golden.AssertJson("query-order-lines-top-n-kept.json",
            TestClients.Json(AggregationCompiler.Compile(query, new SearchPlan(TimeBasis.Primary, [0], [0, 1, 2]) { Top = new TopScope(["p1"], Complement: false) })));
        Golden.AssertJson("query-order-lines-top-n-rest.json",
            TestClients.Json(AggregationCompiler.Compile(query, new SearchPlan(TimeBasis.Primary, [], [0, 1, 2]) { Top = new TopScope(["p1", null], Complement: true) })));
    }

    [Fact]
    public void First_orders_are_a_composite_over_customers_with_their_earliest_order()
    {
        var request = NewCustomers.Request("shop-a", SearchFilters.Range("created_at", From, To), null, withMin: true);

        Golden.AssertJson("query-first-orders.json", TestClients.Json(request));
    }

    [Fact]
    public void The_funnel_streams_step_events_sorted_by_unit_then_time()
    {
        var scan = new FunnelScan(null!, new IndexNames("ff"), NullLogger<FunnelScan>.Instance);
        var request = scan.Request(new FunnelQuery("shop-a", From, To, FunnelQuery.DefaultSteps, FunnelUnit.Session, TimeSpan.FromDays(1)),
            "session_id", ["product_view", "add_to_cart", "checkout_start", "purchase"]);

        Assert.Equal("ff-events", request.Index);
        Golden.AssertJson("query-funnel-pit.json", TestClients.Json(FoodFast.Analytics.Elasticsearch.Exports.PointInTimeReader.Request(request, "pit-1", null)));
    }

    [Fact]
    public void Retention_reads_each_cohort_customers_periods_with_a_zoned_histogram()
    {
        var body = TestClients.Json(RetentionCohorts.Request(new RetentionQuery("shop-a", From, To, "Europe/Berlin", TimeBucket.Month, 2), ["c1", "c2"]));

        Snapshots.Match("query-retention.json", body.ToJsonString());
    }

    [Fact]
    public void Retention_bounds_the_histogram_to_the_window_and_pages_within_search_max_buckets()
    {
        // Defect 5 of issue 19: two years of weekly cohorts followed 52 weeks: 155 periods; 1,000 customers a page would be 156,000 buckets.
        var query = new RetentionQuery("shop-a", new DateTimeOffset(2024, 12, 29, 23, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 27, 23, 0, 0, TimeSpan.Zero),
            "Europe/Berlin", TimeBucket.Week, 52);

        var window = RetentionWindow.Of(query);
        var body = TestClients.Json(RetentionCohorts.Request(query, ["c1"]));

        Assert.Equal((new DateTimeOffset(2024, 12, 29, 23, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 12, 19, 23, 0, 0, TimeSpan.Zero), 155), (window.Start, window.End, window.Periods));
        Assert.Equal(420, window.PageSize);
        Assert.True(window.PageSize * (window.Periods + 1) <= RetentionWindow.SearchMaxBuckets);
        var customers = body["aggregations"]!["customers"]!;
        Assert.Equal(420, customers["composite"]!["size"]!.GetValue<int>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"min":1735513200000,"max":1829257199999}"""), customers["aggregations"]!["periods"]!["date_histogram"]!["hard_bounds"]));
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"range":{"created_at":{"gte":"2024-12-29T23:00:00.000Z","lt":"2027-12-19T23:00:00.000Z","format":"strict_date_optional_time"}}}"""),
            body["query"]!["bool"]!["filter"]![2]));
    }

    [Fact]
    public void Segments_read_first_last_count_and_money_per_currency_per_customer()
    {
        Golden.AssertJson("query-segments.json", TestClients.Json(RfmSegments.Request(new SegmentQuery("shop-a", new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero), 365))));
    }

    [Fact]
    public void Search_uses_simple_query_string_with_word_prefixes_and_never_query_string()
    {
        var query = new SearchQuery("shop-a", "käse -milch*", SearchTarget.All, 1, 10);

        Golden.AssertJson("query-search-events.json", TestClients.Json(FullTextSearch.EventsRequest(query, 20)));
        Golden.AssertJson("query-search-orders.json", TestClients.Json(FullTextSearch.OrdersRequest(query with { Text = "käse" }, ["a-1", "a-2"], 10)));
        Golden.AssertJson("query-search-lines.json", TestClients.Json(FullTextSearch.LinesRequest(query with { Text = "käse" })));
    }
}
