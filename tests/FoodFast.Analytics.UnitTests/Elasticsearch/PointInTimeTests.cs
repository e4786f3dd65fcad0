using System.Text.Json.Nodes;
using FoodFast.Analytics.Elasticsearch.Connection;
using FoodFast.Analytics.Elasticsearch.Exports;
using FoodFast.Analytics.UnitTests.Elasticsearch.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace FoodFast.Analytics.UnitTests.Elasticsearch;

/// <summary>PIT + search_after streaming against a listener that plays the documented answers (§5).</summary>
public sealed class PointInTimeTests
{
    private static readonly PointInTimeQuery Query = new(
        "ff-orders",
        new Elastic.Clients.Elasticsearch.QueryDsl.BoolQuery { Filter = [new Elastic.Clients.Elasticsearch.QueryDsl.TermQuery("shop_id", "shop1")] },
        ["created_at", "shop_id", "order_id"]) { PageSize = 2 };

    [Fact]
    public async Task Pages_with_the_raw_sort_values_and_the_latest_pit_id_then_closes()
    {
        using var node = new ScriptedNode(Elasticsearch(
            Page("pit-2", Hit("o-1", "[1794475234567,\"shop1\",\"o-1\",8589934605]"), Hit("o-2", "[1794475234568,\"shop1\",\"o-2\",9223372036854775807]")),
            Page("pit-3", Hit("o-3", "[1794475234569,\"shop1\",\"o-3\",8589934607]"))));

        var ids = await Collect(Reader(node).StreamAsync(Query, TestContext.Current.CancellationToken));

        Assert.Equal(["o-1", "o-2", "o-3"], ids);
        Assert.Equal(["POST /ff-orders/_pit?keep_alive=2m", "POST /_search", "POST /_search", "DELETE /_pit"], node.Requests.Select(r => $"{r.Method} {r.PathAndQuery}"));
        var first = JsonNode.Parse(node.Requests[1].Body)!;
        var second = JsonNode.Parse(node.Requests[2].Body)!;
        // As the client writes it: a one-clause filter as an object, sorts in their long form, _shard_doc last.
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"size":2,"track_total_hits":false,"query":{"bool":{"filter":{"term":{"shop_id":{"value":"shop1"}}}}},
             "pit":{"id":"pit-1","keep_alive":"2m"},
             "sort":[{"created_at":{"order":"asc"}},{"shop_id":{"order":"asc"}},{"order_id":{"order":"asc"}},{"_shard_doc":{"order":"asc"}}]}
            """), first), first.ToJsonString());
        Assert.Equal("pit-2", second["pit"]!["id"]!.GetValue<string>());
        // Sent back verbatim: a long beyond double's precision survives.
        Assert.Contains("\"search_after\":[1794475234568,\"shop1\",\"o-2\",9223372036854775807]", node.Requests[2].BodyText, StringComparison.Ordinal);
        Assert.Equal("""{"id":"pit-3"}""", node.Requests[3].BodyText);
    }

    [Fact]
    public async Task A_consumer_that_stops_early_still_closes_the_pit()
    {
        using var node = new ScriptedNode(Elasticsearch(Page("pit-2", Hit("o-1", "[1]"), Hit("o-2", "[2]"))));

        await foreach (var _ in Reader(node).StreamAsync(Query, TestContext.Current.CancellationToken))
        {
            break;
        }

        Assert.Equal("DELETE /_pit", $"{node.Requests[^1].Method} {node.Requests[^1].PathAndQuery}");
        Assert.Equal("""{"id":"pit-2"}""", node.Requests[^1].BodyText);
    }

    [Fact]
    public async Task Cancellation_closes_the_pit()
    {
        using var node = new ScriptedNode(Elasticsearch(Page("pit-2", Hit("o-1", "[1]"), Hit("o-2", "[2]")), Page("pit-3", Hit("o-3", "[3]"))));
        using var cancel = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in Reader(node).StreamAsync(Query, cancel.Token))
            {
                await cancel.CancelAsync();
            }
        });

        Assert.Equal(["POST /ff-orders/_pit?keep_alive=2m", "POST /_search", "DELETE /_pit"], node.Requests.Select(r => $"{r.Method} {r.PathAndQuery}"));
    }

    [Fact]
    public async Task A_page_with_failed_shards_is_an_error_and_the_pit_is_closed()
    {
        const string partial = """{"pit_id":"pit-2","took":3,"timed_out":false,"_shards":{"total":3,"successful":2,"skipped":0,"failed":1,"failures":[{"shard":1,"index":"ff-orders-2026.11","reason":{"type":"illegal_argument_exception","reason":"x"}}]},"hits":{"hits":[]}}""";
        using var node = new ScriptedNode(Elasticsearch(partial));

        var ex = await Assert.ThrowsAsync<ElasticsearchException>(() => Collect(Reader(node).StreamAsync(Query, TestContext.Current.CancellationToken)));

        Assert.Equal("1 shard(s) failed; the page is incomplete", ex.Reason);
        Assert.Equal("DELETE /_pit", $"{node.Requests[^1].Method} {node.Requests[^1].PathAndQuery}");
    }

    [Fact]
    public async Task A_missing_index_is_an_empty_stream()
    {
        using var node = ScriptedNode.Playing(new ScriptedResponse(404, """{"error":{"type":"index_not_found_exception","reason":"no such index [ff-orders]"},"status":404}"""));

        Assert.Empty(await Collect(Reader(node).StreamAsync(Query, TestContext.Current.CancellationToken)));
        Assert.Single(node.Requests);
    }

    private static PointInTimeReader Reader(ScriptedNode node) =>
        new(TestClients.Create(TestClients.Options(node.Url)), NullLogger.Instance);

    private static async Task<List<string>> Collect(IAsyncEnumerable<ExportHit> hits)
    {
        var ids = new List<string>();
        await foreach (var hit in hits)
        {
            ids.Add(hit.Source.GetProperty("order_id").GetString()!);
        }
        return ids;
    }

    /// <summary>Opens pit-1, answers searches with the pages in order, and acknowledges the close.</summary>
    private static Func<RecordedRequest, ScriptedResponse> Elasticsearch(params string[] pages)
    {
        var next = 0;
        return request => (request.Method, request.PathAndQuery) switch
        {
            ("POST", "/ff-orders/_pit?keep_alive=2m") => new ScriptedResponse(200, """{"id":"pit-1","_shards":{"total":1,"successful":1,"skipped":0,"failed":0}}"""),
            ("POST", "/_search") => new ScriptedResponse(200, pages[Math.Min(Interlocked.Increment(ref next) - 1, pages.Length - 1)]),
            ("DELETE", "/_pit") => new ScriptedResponse(200, """{"succeeded":true,"num_freed":1}"""),
            _ => new ScriptedResponse(400, """{"error":"unexpected request"}"""),
        };
    }

    private static string Page(string pitId, params string[] hits) =>
        $$$"""{"pit_id":"{{{pitId}}}","took":2,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"total":{"value":0,"relation":"gte"},"max_score":null,"hits":[{{{string.Join(',', hits)}}}]}}""";

    private static string Hit(string orderId, string sort) =>
        $$$"""{"_index":"ff-orders-2026.11","_id":"shop1:{{{orderId}}}","_score":null,"_source":{"order_id":"{{{orderId}}}","shop_id":"shop1"},"sort":{{{sort}}}}""";
}
