using System.Text.Json.Nodes;
using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Elasticsearch.Connection;
using FoodFast.Analytics.Elasticsearch.Indices;
using FoodFast.Analytics.UnitTests.Elasticsearch.Support;
using static FoodFast.Analytics.UnitTests.Elasticsearch.Query.Queries;

namespace FoodFast.Analytics.UnitTests.Elasticsearch.Query;

/// <summary>
/// Aggregate answers written from the documented response shapes (§4.2: composite buckets and after_key, sum, cardinality,
/// filter doc_count), played by a scripted node, and the rows they must become.
/// </summary>
public sealed class AggregateResponseTests
{
    private const string Path = "/ff-orders/_search?ignore_unavailable=true&allow_no_indices=true&typed_keys=true";

    private static string Answer(string aggregations, long total = 3) =>
        $$$"""{"took":4,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"total":{"value":{{{total}}},"relation":"eq"},"max_score":null,"hits":[]},"aggregations":{{{aggregations}}}}""";

    private static string Row(AggregateRow row) => string.Join('|', new[] { row.Bucket }.Concat(row.Keys).Concat(row.Labels.Select(l => l ?? "-")).Concat(row.Values.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    private static async Task<AggregateTable> RunAsync(ScriptedNode node, ValidatedQuery query) =>
        await TestQueries.Aggregates(TestClients.Create(TestClients.Options(node.Url)), new IndexNames("ff")).AggregateAsync(query, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Composite_pages_are_followed_with_the_after_key_sent_back_unchanged()
    {
        using var node = ScriptedNode.Playing(
            new ScriptedResponse(200, Answer("""{"composite#groups":{"after_key":{"bucket":1792879200000},"buckets":[{"key":{"bucket":1792792800000},"doc_count":1,"sum#m0":{"value":11.629999999999999}},{"key":{"bucket":1792879200000},"doc_count":1,"sum#m0":{"value":6.96}}]}}""")),
            new ScriptedResponse(200, Answer("""{"composite#groups":{"after_key":{"bucket":1792969200000},"buckets":[{"key":{"bucket":1792969200000},"doc_count":1,"sum#m0":{"value":6.0}}]}}""")),
            new ScriptedResponse(200, Answer("""{"composite#groups":{"buckets":[]}}""")));

        var table = await RunAsync(node, Validated(Of(Datasets.Orders, "revenue", "order_count") with { Bucket = TimeBucket.Day, Filters = [Euro] }));

        Assert.Equal(["2026-10-24|11.63|1", "2026-10-25|6.96|1", "2026-10-26|6|1"], table.Rows.Select(Row));
        Assert.False(table.Approximate);
        Assert.Equal([Path, Path, Path], node.Requests.Select(r => r.PathAndQuery));
        Assert.Null(JsonNode.Parse(node.Requests[0].Body)!["aggregations"]!["groups"]!["composite"]!["after"]);
        Assert.Equal("""{"bucket":1792879200000}""", JsonNode.Parse(node.Requests[1].Body)!["aggregations"]!["groups"]!["composite"]!["after"]!.ToJsonString());
        Assert.Equal("""{"bucket":1792969200000}""", JsonNode.Parse(node.Requests[2].Body)!["aggregations"]!["groups"]!["composite"]!["after"]!.ToJsonString());
    }

    [Fact]
    public async Task Top_n_ranks_first_then_reads_the_kept_groups_and_the_rest_as_other()
    {
        using var node = new ScriptedNode(request => new ScriptedResponse(200, request.BodyText switch
        {
            var b when b.Contains("must_not", StringComparison.Ordinal) =>
                Answer("""{"sum#m0":{"value":9.0},"sum#m1":{"value":4.0},"cardinality#m2":{"value":2}}"""),
            var b when b.Contains("\"l0\"", StringComparison.Ordinal) =>
                Answer("""{"composite#groups":{"buckets":[{"key":{"d0":"p1"},"doc_count":2,"sum#m0":{"value":13.5},"sum#m1":{"value":3.0},"cardinality#m2":{"value":2},"sterms#l0":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"Käsespätzle","doc_count":2}]}}]}}"""),
            _ => Answer("""{"composite#groups":{"buckets":[{"key":{"d0":"p1"},"doc_count":2,"sum#m0":{"value":13.5}},{"key":{"d0":"p2"},"doc_count":1,"sum#m0":{"value":3.0}},{"key":{"d0":"p3"},"doc_count":1,"sum#m0":{"value":6.0}}]}}"""),
        }));

        var table = await RunAsync(node, Validated(Of(Datasets.OrderItems, "revenue", "units", "order_count") with { GroupBy = ["product"], Top = 1, Filters = [Euro] }));

        Assert.Equal(["|p1|Käsespätzle|13.5|3|2", "|other|-|9|4|2"], table.Rows.Select(Row));
        Assert.Equal(3, node.Requests.Count);
        var rank = JsonNode.Parse(node.Requests[0].Body)!["aggregations"]!["groups"]!;
        Assert.Equal("""{"m0":{"sum":{"field":"line_total"}}}""", rank["aggregations"]!.ToJsonString());
    }

    [Fact]
    public async Task Filter_sub_aggregations_and_cardinality_above_the_threshold_mark_the_result_approximate()
    {
        using var node = ScriptedNode.Playing(new ScriptedResponse(200, Answer(
            """{"filter#m1":{"doc_count":41000,"cardinality#v":{"value":40001}},"filter#m2":{"doc_count":2},"filter#m3":{"doc_count":2,"sum#v":{"value":9.0}}}""", total: 90000)));

        var table = await RunAsync(node, Validated(Of(Datasets.Events, "event_count", "purchasing_sessions", "review_count", "rating_sum")));

        Assert.Equal(["90000|40001|2|9"], table.Rows.Select(r => string.Join('|', r.Values)));
        Assert.True(table.Approximate);
        Assert.Equal("/ff-events/_search?ignore_unavailable=true&allow_no_indices=true&typed_keys=true", node.Requests[0].PathAndQuery);
    }

    [Fact]
    public async Task Each_time_basis_is_its_own_search_and_rows_merge_by_bucket_and_keys()
    {
        using var node = new ScriptedNode(request => new ScriptedResponse(200, request.BodyText.Contains("refunded_at", StringComparison.Ordinal)
            ? Answer("""{"composite#groups":{"buckets":[{"key":{"d0":"EUR"},"doc_count":1,"sum#m1":{"value":6.0}}]}}""")
            : Answer("""{"composite#groups":{"buckets":[{"key":{"d0":"EUR"},"doc_count":3,"sum#m0":{"value":24.59}},{"key":{"d0":"GBP"},"doc_count":1,"sum#m0":{"value":15.0}}]}}""")));

        var table = await RunAsync(node, Validated(Of(Datasets.Orders, "revenue", "refund_total")));

        Assert.Equal(["|EUR|-|24.59|6", "|GBP|-|15|0"], table.Rows.Select(Row));
        Assert.Equal(2, node.Requests.Count);
    }

    [Fact]
    public async Task New_customers_count_only_where_the_first_order_falls_in_the_same_bucket()
    {
        var firstC1 = new DateTimeOffset(2026, 10, 24, 21, 30, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var firstC2 = new DateTimeOffset(2026, 10, 24, 22, 30, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        using var node = new ScriptedNode(request => new ScriptedResponse(200, request.BodyText switch
        {
            var b when b.Contains("\"first\"", StringComparison.Ordinal) && b.Contains("\"after\"", StringComparison.Ordinal) => Answer("""{"composite#customers":{"buckets":[]}}"""),
            var b when b.Contains("\"first\"", StringComparison.Ordinal) => Answer(
                $$$"""{"composite#customers":{"after_key":{"customer":"c2"},"buckets":[{"key":{"customer":"c1"},"doc_count":2,"min#first":{"value":{{{firstC1}}}.0,"value_as_string":"2026-10-24T21:30:00.000Z"}},{"key":{"customer":"c2"},"doc_count":1,"min#first":{"value":{{{firstC2}}}.0,"value_as_string":"2026-10-24T22:30:00.000Z"}}]}}"""),
            var b when b.Contains("\"customers\"", StringComparison.Ordinal) => Answer("""{"composite#customers":{"buckets":[]}}"""),
            var b when b.Contains("\"customer\"", StringComparison.Ordinal) => Answer(
                """{"composite#groups":{"buckets":[{"key":{"bucket":1792792800000,"customer":"c1"},"doc_count":1},{"key":{"bucket":1792879200000,"customer":"c2"},"doc_count":1},{"key":{"bucket":1792969200000,"customer":"c1"},"doc_count":1}]}}"""),
            _ => Answer("""{"composite#groups":{"buckets":[{"key":{"bucket":1792792800000},"doc_count":1,"cardinality#m0":{"value":1}},{"key":{"bucket":1792879200000},"doc_count":1,"cardinality#m0":{"value":1}},{"key":{"bucket":1792969200000},"doc_count":1,"cardinality#m0":{"value":1}}]}}"""),
        }));

        var table = await RunAsync(node, Validated(Of(Datasets.Orders, "distinct_customers", "new_customers") with { Bucket = TimeBucket.Day, Filters = [Euro] }));

        Assert.Equal(["2026-10-24|1|1", "2026-10-25|1|1", "2026-10-26|1|0"], table.Rows.Select(Row));
        var customerPass = JsonNode.Parse(node.Requests[^1].Body)!;
        Assert.Contains("""{"terms":{"customer_id":["c1","c2"]}}""", customerPass["query"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_index_is_an_empty_table_and_a_failed_shard_is_an_error()
    {
        using var empty = ScriptedNode.Playing(new ScriptedResponse(200, """{"took":0,"timed_out":false,"_shards":{"total":0,"successful":0,"skipped":0,"failed":0},"hits":{"total":{"value":0,"relation":"eq"},"max_score":null,"hits":[]}}"""));
        using var failing = ScriptedNode.Playing(new ScriptedResponse(200,
            """{"took":9,"timed_out":false,"_shards":{"total":2,"successful":1,"skipped":0,"failed":1,"failures":[{"shard":1,"index":"ff-orders-2026.10","reason":{"type":"illegal_argument_exception","reason":"boom"}}]},"hits":{"total":{"value":1,"relation":"eq"},"hits":[]},"aggregations":{"composite#groups":{"buckets":[]}}}"""));
        var query = Validated(Of(Datasets.Orders, "order_count") with { GroupBy = ["status"] });

        Assert.Empty((await RunAsync(empty, query)).Rows);
        var error = await Assert.ThrowsAsync<ElasticsearchException>(() => RunAsync(failing, query));
        Assert.Contains("1 shard(s) failed", error.Message, StringComparison.Ordinal);
    }
}
