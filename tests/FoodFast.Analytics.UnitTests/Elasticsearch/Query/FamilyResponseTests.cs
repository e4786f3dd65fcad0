using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Queries.Families;
using FoodFast.Analytics.Elasticsearch.Indices;
using FoodFast.Analytics.Elasticsearch.Queries;
using FoodFast.Analytics.UnitTests.Elasticsearch.Support;

namespace FoodFast.Analytics.UnitTests.Elasticsearch.Query;

/// <summary>Funnel evaluation per unit, and segment and cohort answers in the documented composite shapes (§4.2).</summary>
public sealed class FamilyResponseTests
{
    private static readonly DateTimeOffset T0 = new(2026, 10, 25, 8, 0, 0, TimeSpan.Zero);
    private static readonly string[] Steps = ["product_view", "add_to_cart", "checkout_start", "purchase"];

    [Fact]
    public void A_unit_reaches_steps_in_order_within_the_window_of_its_first_step()
    {
        (string, DateTimeOffset)[] events =
        [
            ("add_to_cart", T0.AddMinutes(-1)), ("product_view", T0), ("product_view", T0.AddMinutes(1)), ("add_to_cart", T0.AddMinutes(5)),
            ("checkout_start", T0.AddMinutes(10)), ("purchase", T0.AddMinutes(15)),
        ];
        var wide = new long[4];
        var tight = new long[4];

        FunnelScan.Evaluate(events, Steps, TimeSpan.FromDays(1), wide);
        FunnelScan.Evaluate(events, Steps, TimeSpan.FromMinutes(12), tight);
        FunnelScan.Evaluate([("add_to_cart", T0)], Steps, TimeSpan.FromDays(1), tight);

        Assert.Equal([1L, 1, 1, 1], wide);
        Assert.Equal([1L, 1, 1, 0], tight);
    }

    [Fact]
    public async Task Segments_label_each_customer_once_and_sum_money_per_currency()
    {
        static long Ms(int day, int hour, int minute = 0) => new DateTimeOffset(2026, 10, day, hour, minute, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        static string Customer(string id, long first, long last, long orders, string currency, double total) =>
            "{\"key\":{\"customer\":\"" + id + "\"},\"doc_count\":" + orders + ",\"min#first\":{\"value\":" + first + ".0},\"filter#recent\":{\"doc_count\":" + orders + ",\"max#last\":{\"value\":" + last + ".0},\"sterms#currencies\":{\"doc_count_error_upper_bound\":0,\"sum_other_doc_count\":0,\"buckets\":[{\"key\":\"" + currency + "\",\"doc_count\":" + orders + ",\"sum#total\":{\"value\":" + total.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}}]}}}";
        var page = """{"took":2,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"total":{"value":4,"relation":"eq"},"hits":[]},"aggregations":{"composite#customers":{"after_key":{"customer":"c3"},"buckets":["""
            + string.Join(',', Customer("c1", Ms(24, 21, 30), Ms(25, 23, 30), 2, "EUR", 17.63), Customer("c2", Ms(24, 22, 30), Ms(24, 22, 30), 1, "EUR", 6.96), Customer("c3", Ms(25, 10), Ms(25, 10), 1, "GBP", 15.0)) + "]}}}";
        using var node = new ScriptedNode(request => new ScriptedResponse(200, request.BodyText.Contains("\"after\"", StringComparison.Ordinal)
            ? """{"took":1,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"total":{"value":4,"relation":"eq"},"hits":[]},"aggregations":{"composite#customers":{"buckets":[]}}}"""
            : page));
        var families = TestQueries.Families(TestClients.Create(TestClients.Options(node.Url)), new IndexNames("ff"));

        var segments = (await families.SegmentsAsync(new SegmentQuery("shop-a", new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero), 365), TestContext.Current.CancellationToken))
            .OrderBy(s => s.Name, StringComparer.Ordinal).ToList();

        Assert.Equal(["loyal", "new"], segments.Select(s => s.Name));
        Assert.Equal((2L, 1.5m, 29.5m), (segments[0].Customers, segments[0].AverageOrders, segments[0].AverageRecencyDays));
        Assert.Equal(24.59m, segments[0].Monetary["EUR"]);
        Assert.Equal((1L, 15m), (segments[1].Customers, segments[1].Monetary["GBP"]));
        Assert.Equal(2, node.Requests.Count);
    }

    [Fact]
    public void Cohort_activity_is_read_from_each_customers_period_buckets()
    {
        var body = """{"took":1,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"total":{"value":3,"relation":"eq"},"hits":[]},"aggregations":{"composite#customers":{"after_key":{"customer":"c2"},"buckets":[{"key":{"customer":"c1"},"doc_count":2,"date_histogram#periods":{"buckets":[{"key_as_string":"2026-10-01","key":1790805600000,"doc_count":2},{"key_as_string":"2026-12-01","key":1796079600000,"doc_count":1}]}},{"key":{"customer":"c2"},"doc_count":1,"date_histogram#periods":{"buckets":[{"key_as_string":"2026-10-01","key":1790805600000,"doc_count":1}]}}]}}}""";

        var customers = RetentionCohorts.Read(TestClients.SearchAnswer(body));

        Assert.Equal(["c1:2026-10-01,2026-12-01", "c2:2026-10-01"], customers.Select(c => $"{c.Customer}:{string.Join(',', c.Periods)}"));
    }
}
