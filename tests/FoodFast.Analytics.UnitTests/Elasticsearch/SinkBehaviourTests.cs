using System.Text.Json.Nodes;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Elasticsearch;
using FoodFast.Analytics.Elasticsearch.Connection;
using FoodFast.Analytics.Elasticsearch.Indices;
using FoodFast.Analytics.Elasticsearch.Sink;
using FoodFast.Analytics.UnitTests.Elasticsearch.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace FoodFast.Analytics.UnitTests.Elasticsearch;

/// <summary>The sink against a listener that answers each bulk action by its <c>_id</c> (201 unless scripted otherwise).</summary>
public sealed class SinkBehaviourTests
{
    private const string MappingError = """{"type":"mapper_parsing_exception","reason":"failed to parse field [quantity] of type [integer]"}""";
    private const string Stale = """{"type":"version_conflict_engine_exception","reason":"current version [1794475600000] is higher than the one provided [1794475500000]"}""";
    private const string Exists = """{"type":"version_conflict_engine_exception","reason":"document already exists (current version [1])"}""";
    private const string Overloaded = """{"type":"es_rejected_execution_exception","reason":"rejected execution"}""";
    private const string NoFailures = """{"took":5,"timed_out":false,"total":1,"deleted":1,"failures":[]}""";

    private static readonly SinkItem Order1 = SinkItem.Of(Fixtures.OrderWithTwoLines());
    private static readonly SinkItem Order2 = SinkItem.Of(Fixtures.OrderWithTwoLines() with { OrderId = "o-1002" });
    private static readonly SinkItem Event1 = SinkItem.Of(Fixtures.AddToCart());
    private static readonly SinkItem Event2 = SinkItem.Of(Fixtures.AddToCart() with { EventId = Guid.Parse("00000000-0000-4000-8000-000000000002") });

    [Fact]
    public async Task Each_item_gets_the_outcome_of_its_own_actions()
    {
        using var node = new ScriptedNode(Answer(new()
        {
            ["5b6f3c0e-8d7e-4a52-9c8e-2f8b1f7a9e10"] = (409, Exists),
            ["00000000-0000-4000-8000-000000000002"] = (400, MappingError),
            ["shop1:o-1002:2"] = (429, Overloaded),
        }));
        var sink = Sink(node);

        var outcomes = await sink.WriteAsync([Order1, Event1, Event2, Order2], TestContext.Current.CancellationToken);

        Assert.Equal([SinkOutcomeKind.Landed, SinkOutcomeKind.Landed, SinkOutcomeKind.Rejected, SinkOutcomeKind.Retry], outcomes.Select(o => o.Kind));
        Assert.Equal("HTTP 400 mapper_parsing_exception: failed to parse field [quantity] of type [integer]", outcomes[2].Reason);
        Assert.Equal("HTTP 429 es_rejected_execution_exception: rejected execution", outcomes[3].Reason);
        var bulk = Assert.Single(node.Requests, r => r.PathAndQuery.StartsWith("/_bulk", StringComparison.Ordinal));
        Assert.Equal("/_bulk?filter_path=took,errors,items.*.status,items.*.error", bulk.PathAndQuery);
        Assert.Equal("application/x-ndjson", bulk.Headers["Content-Type"]);
    }

    [Fact]
    public async Task Written_orders_have_their_surplus_lines_deleted_in_one_query()
    {
        using var node = new ScriptedNode(Answer([]));

        await Sink(node).WriteAsync([Order1, Event1, Order2], TestContext.Current.CancellationToken);

        var delete = Assert.Single(node.Requests, r => r.PathAndQuery.Contains("_delete_by_query", StringComparison.Ordinal));
        Assert.Equal("/ff-order-lines-2026.11/_delete_by_query?conflicts=proceed&ignore_unavailable=true&allow_no_indices=true", delete.PathAndQuery);
        var orders = JsonNode.Parse(delete.Body)!["query"]!["bool"]!["should"]!.AsArray()
            .Select(c => c!["bool"]!["filter"]![1]!["term"]!["order_id"]!.GetValue<string>());
        Assert.Equal(["o-1001", "o-1002"], orders);
    }

    [Fact]
    public async Task A_stale_order_lands_and_the_lines_it_recreated_are_cleaned()
    {
        using var node = new ScriptedNode(Answer(new() { ["shop1:o-1001"] = (409, Stale), ["shop1:o-1001:1"] = (409, Stale) }));

        var outcomes = await Sink(node).WriteAsync([Order1], TestContext.Current.CancellationToken);

        Assert.Equal(SinkOutcomeKind.Landed, Assert.Single(outcomes).Kind);
        var delete = Assert.Single(node.Requests, r => r.PathAndQuery.Contains("_delete_by_query", StringComparison.Ordinal));
        var filter = JsonNode.Parse(delete.Body)!["query"]!["bool"]!["should"]![0]!["bool"]!["filter"]!.AsArray();
        Assert.Equal(["term", "term", "terms", "range"], filter.Select(f => f!.AsObject().Single().Key));
        Assert.Equal("[2]", filter[2]!["terms"]!["line_no"]!.ToJsonString());
        Assert.Equal("updated_at", filter[3]!["range"]!.AsObject().Single().Key);
    }

    [Fact]
    public async Task Replaying_the_version_an_erasure_pseudonymised_keeps_every_line()
    {
        // _update_by_query bumped the order's and its lines' versions by one: the same version again is 409 everywhere.
        const string bumped = """{"type":"version_conflict_engine_exception","reason":"[shop1:o-1001]: version conflict, current version [1794475500001] is higher or equal to the one provided [1794475500000]"}""";
        using var node = new ScriptedNode(Answer(new() { ["shop1:o-1001"] = (409, bumped), ["shop1:o-1001:1"] = (409, bumped), ["shop1:o-1001:2"] = (409, bumped) }));

        var outcomes = await Sink(node).WriteAsync([Order1], TestContext.Current.CancellationToken);

        Assert.Equal(SinkOutcomeKind.Landed, Assert.Single(outcomes).Kind);
        Assert.DoesNotContain(node.Requests, r => r.PathAndQuery.Contains("_delete_by_query", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Orders_rejected_or_retried_are_not_cleaned()
    {
        using var node = new ScriptedNode(Answer(new() { ["shop1:o-1001"] = (400, MappingError), ["shop1:o-1002"] = (429, Overloaded) }));

        var outcomes = await Sink(node).WriteAsync([Order1, Order2], TestContext.Current.CancellationToken);

        Assert.Equal([SinkOutcomeKind.Rejected, SinkOutcomeKind.Retry], outcomes.Select(o => o.Kind));
        Assert.DoesNotContain(node.Requests, r => r.PathAndQuery.Contains("_delete_by_query", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Orders_whose_surplus_lines_could_not_be_deleted_are_retried()
    {
        const string failed = """{"took":5,"timed_out":false,"deleted":0,"failures":[{"index":"ff-order-lines-2026.11","cause":{"type":"es_rejected_execution_exception","reason":"rejected"},"status":429}]}""";
        using var node = new ScriptedNode(Answer([], failed));

        var outcomes = await Sink(node).WriteAsync([Order1, Event1], TestContext.Current.CancellationToken);

        Assert.Equal([SinkOutcomeKind.Retry, SinkOutcomeKind.Landed], outcomes.Select(o => o.Kind));
        Assert.StartsWith("Elasticsearch delete_surplus_lines failed: HTTP 200: surplus order lines not all deleted:", outcomes[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batches_over_the_byte_limit_go_out_in_several_requests_with_outcomes_in_batch_order()
    {
        using var node = new ScriptedNode(Answer(new() { ["00000000-0000-4000-8000-000000000002"] = (400, MappingError) }));
        var batch = Enumerable.Range(0, 40).Select(i => i == 37 ? Event2 : SinkItem.Of(Fixtures.OrderWithTwoLines() with { OrderId = $"o-{i}" })).ToList();

        var outcomes = await Sink(node, bulkMaxBytes: 64 * 1024, concurrency: 3).WriteAsync(batch, TestContext.Current.CancellationToken);

        Assert.True(node.Requests.Count(r => r.PathAndQuery.StartsWith("/_bulk", StringComparison.Ordinal)) >= 2);
        Assert.All(node.Requests.Where(r => r.PathAndQuery.StartsWith("/_bulk", StringComparison.Ordinal)), r => Assert.True(r.Body.Length <= 64 * 1024));
        Assert.Equal(39, outcomes.Count(o => o.Kind == SinkOutcomeKind.Landed));
        Assert.Equal(SinkOutcomeKind.Rejected, outcomes[37].Kind);
    }

    [Fact]
    public async Task A_413_splits_the_request_in_halves_and_an_item_too_large_alone_is_rejected()
    {
        var big = SinkItem.Of(Fixtures.OrderWithTwoLines() with { OrderId = "o-big", CouponCode = new string('x', 8000) });
        var limit = (2 * new BulkBodyWriter(new IndexNames("ff")).Write([Order1], int.MaxValue).Single().Body.Length) + 100;
        var answer = Answer([]);
        using var node = new ScriptedNode(r => r.PathAndQuery.StartsWith("/_bulk", StringComparison.Ordinal) && r.Body.Length > limit
            ? new ScriptedResponse(413, "")
            : answer(r));
        SinkItem[] batch = [Order1, Order2, SinkItem.Of(Fixtures.OrderWithTwoLines() with { OrderId = "o-1003" }), big];

        var outcomes = await Sink(node).WriteAsync(batch, TestContext.Current.CancellationToken);

        Assert.Equal([SinkOutcomeKind.Landed, SinkOutcomeKind.Landed, SinkOutcomeKind.Landed, SinkOutcomeKind.Rejected], outcomes.Select(o => o.Kind));
        Assert.StartsWith("HTTP 413: the item's ", outcomes[3].Reason, StringComparison.Ordinal);
        // all four, then [1,2] and [3,big], then [3] and [big]
        Assert.Equal(5, node.Requests.Count(r => r.PathAndQuery.StartsWith("/_bulk", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_bulk_request_that_keeps_failing_throws_after_the_retries()
    {
        using var node = ScriptedNode.Playing(new ScriptedResponse(503, """{"error":{"type":"unavailable_shards_exception","reason":"primary shard is not active"},"status":503}"""));

        var ex = await Assert.ThrowsAsync<ElasticsearchException>(() => Sink(node).WriteAsync([Order1], TestContext.Current.CancellationToken));

        Assert.Equal(503, ex.StatusCode);
        Assert.Equal(4, node.Requests.Count); // 1 + MaxRetries (3)
    }

    [Fact]
    public async Task A_response_with_too_few_items_throws()
    {
        using var node = ScriptedNode.Playing(new ScriptedResponse(200, """{"took":1,"errors":false,"items":[{"index":{"status":201}}]}"""));

        var ex = await Assert.ThrowsAsync<ElasticsearchException>(() => Sink(node).WriteAsync([Order1], TestContext.Current.CancellationToken));

        Assert.Equal("the bulk response has 1 items for 3 actions", ex.Reason);
    }

    [Fact]
    public async Task An_empty_item_is_rejected_without_a_request()
    {
        using var node = ScriptedNode.Playing(new ScriptedResponse(500, ""));

        var outcomes = await Sink(node).WriteAsync([new SinkItem()], TestContext.Current.CancellationToken);

        Assert.Equal(SinkOutcome.Reject("the item carries neither an order nor an event"), Assert.Single(outcomes));
        Assert.Empty(node.Requests);
    }

    private static ElasticsearchSink Sink(ScriptedNode node, int bulkMaxBytes = 5 * 1024 * 1024, int concurrency = 2)
    {
        var options = TestClients.Options(node.Url);
        options.BulkMaxBytes = bulkMaxBytes;
        options.BulkConcurrency = concurrency;
        return new ElasticsearchSink(TestClients.Create(options), new IndexNames("ff"), Microsoft.Extensions.Options.Options.Create(options), NullLogger<ElasticsearchSink>.Instance);
    }

    /// <summary>Answers <c>_bulk</c> per action by <c>_id</c>, and <c>_delete_by_query</c> with <paramref name="deleteAnswer"/>.</summary>
    private static Func<RecordedRequest, ScriptedResponse> Answer(Dictionary<string, (int Status, string Error)> byId, string deleteAnswer = NoFailures) => request =>
    {
        if (request.PathAndQuery.Contains("_delete_by_query", StringComparison.Ordinal))
        {
            return new ScriptedResponse(200, deleteAnswer);
        }
        var items = new JsonArray();
        var lines = request.BodyText.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            var action = JsonNode.Parse(lines[i])!.AsObject().Single();
            var id = action.Value!["_id"]!.GetValue<string>();
            var result = new JsonObject { ["status"] = 201 };
            if (byId.TryGetValue(id, out var scripted))
            {
                result = new JsonObject { ["status"] = scripted.Status, ["error"] = JsonNode.Parse(scripted.Error) };
            }
            items.Add(new JsonObject { [action.Key] = result });
            i += action.Key == "delete" ? 0 : 1; // skip the source line
        }
        return new ScriptedResponse(200, new JsonObject { ["took"] = 3, ["errors"] = byId.Count > 0, ["items"] = items }.ToJsonString());
    };
}
