using System.Text.Json.Nodes;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Elasticsearch.Connection;
using FoodFast.Analytics.Elasticsearch.Indices;
using FoodFast.Analytics.Elasticsearch.Sink;
using FoodFast.Analytics.UnitTests.Elasticsearch.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace FoodFast.Analytics.UnitTests.Elasticsearch.Sink;

/// <summary>
/// The sink against a listener that answers <c>_mget</c> from a scripted set of stored orders and each <c>_bulk</c>
/// action by its <c>_id</c> (201 unless scripted otherwise), in the shapes the API documentation shows.
/// </summary>
public sealed class SinkBehaviourTests
{
    private const string MappingError = """{"type":"document_parsing_exception","reason":"[1:45] failed to parse field [quantity] of type [integer] in document with id 'x'"}""";
    private const string Stale = """{"type":"version_conflict_engine_exception","reason":"[shop1:o-1001]: version conflict, current version [1794475600000] is higher than the one provided [1794475500000]"}""";
    private const string Exists = """{"type":"version_conflict_engine_exception","reason":"[x]: version conflict, document already exists (current version [1])"}""";
    private const string Overloaded = """{"type":"es_rejected_execution_exception","reason":"rejected execution"}""";
    private const string Event1Id = "shop1:5b6f3c0e-8d7e-4a52-9c8e-2f8b1f7a9e10";
    private const string Event2Id = "shop1:00000000-0000-4000-8000-000000000002";

    private static readonly SinkItem Order1 = SinkItem.Of(Fixtures.OrderWithTwoLines());
    private static readonly SinkItem Order2 = SinkItem.Of(Fixtures.OrderWithTwoLines() with { OrderId = "o-1002" });
    private static readonly SinkItem Event1 = SinkItem.Of(Fixtures.AddToCart());
    private static readonly SinkItem Event2 = SinkItem.Of(Fixtures.AddToCart() with { EventId = Guid.Parse("00000000-0000-4000-8000-000000000002") });
    private static readonly long Version = Fixtures.Updated.ToUnixTimeMilliseconds();

    [Fact]
    public async Task Each_item_gets_the_outcome_of_its_own_actions()
    {
        using var node = new ScriptedNode(Answer(new() { [Event1Id] = (409, Exists), [Event2Id] = (400, MappingError), ["shop1:o-1002:2"] = (429, Overloaded) }));

        var outcomes = await Sink(node).WriteAsync([Order1, Event1, Event2, Order2], TestContext.Current.CancellationToken);

        Assert.Equal([SinkOutcomeKind.Landed, SinkOutcomeKind.Landed, SinkOutcomeKind.Rejected, SinkOutcomeKind.Retry], outcomes.Select(o => o.Kind));
        Assert.Equal("HTTP 400 document_parsing_exception: [1:45] failed to parse field [quantity] of type [integer] in document with id 'x'", outcomes[2].Reason);
        Assert.Equal("HTTP 429 es_rejected_execution_exception: rejected execution", outcomes[3].Reason);
        Assert.Equal(["POST /_mget?_source_includes=line_count", "POST /_bulk"], node.Requests.Select(r => $"{r.Method} {r.PathAndQuery}"));
    }

    [Fact]
    public async Task An_order_that_shrank_loses_its_surplus_lines_by_id_in_the_same_bulk_without_a_search()
    {
        using var node = new ScriptedNode(Answer([], stored: new() { ["shop1:o-1001"] = (Version - 60_000, 4) }));

        var outcomes = await Sink(node).WriteAsync([Order1, Event1], TestContext.Current.CancellationToken);

        Assert.All(outcomes, o => Assert.Equal(SinkOutcomeKind.Landed, o.Kind));
        var bulk = Assert.Single(node.Requests, r => r.PathAndQuery == "/_bulk");
        var deletes = Actions(bulk).Where(a => a.Key == "delete").Select(a => a.Value!.ToJsonString()).ToList();
        Assert.Equal(
        [
            $$"""{"_id":"shop1:o-1001:3","_index":"ff-order-lines-2026.11","version":{{Version}},"version_type":"external_gte"}""",
            $$"""{"_id":"shop1:o-1001:4","_index":"ff-order-lines-2026.11","version":{{Version}},"version_type":"external_gte"}""",
        ], deletes);
        Assert.DoesNotContain(node.Requests, r => r.PathAndQuery.Contains("_search", StringComparison.Ordinal) || r.PathAndQuery.Contains("_by_query", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_order_whose_stored_version_is_newer_lands_without_a_write()
    {
        using var node = new ScriptedNode(Answer([], stored: new() { ["shop1:o-1001"] = (Version + 60_000, 1) }));

        var outcomes = await Sink(node).WriteAsync([Order1], TestContext.Current.CancellationToken);

        Assert.Equal(SinkOutcomeKind.Landed, Assert.Single(outcomes).Kind);
        Assert.Equal(["POST /_mget?_source_includes=line_count"], node.Requests.Select(r => $"{r.Method} {r.PathAndQuery}"));
    }

    [Fact]
    public async Task Replaying_the_version_an_erasure_pseudonymised_keeps_every_line()
    {
        // _update_by_query bumped the stored order's and its lines' versions by one: the same version again is older.
        using var node = new ScriptedNode(Answer([], stored: new() { ["shop1:o-1001"] = (Version + 1, 2) }));

        var outcomes = await Sink(node).WriteAsync([Order1], TestContext.Current.CancellationToken);

        Assert.Equal(SinkOutcomeKind.Landed, Assert.Single(outcomes).Kind);
        Assert.DoesNotContain(node.Requests, r => r.PathAndQuery == "/_bulk");
    }

    [Fact]
    public async Task Lines_a_stale_write_recreated_after_a_newer_version_landed_are_deleted_by_id()
    {
        // A newer version with one line landed between the _mget and the bulk: the order and line 1 are 409, line 2 is created.
        using var node = new ScriptedNode(Answer(new() { ["shop1:o-1001"] = (409, Stale), ["shop1:o-1001:1"] = (409, Stale) }));

        var outcomes = await Sink(node).WriteAsync([Order1], TestContext.Current.CancellationToken);

        Assert.Equal(SinkOutcomeKind.Landed, Assert.Single(outcomes).Kind);
        var bulks = node.Requests.Where(r => r.PathAndQuery == "/_bulk").ToList();
        Assert.Equal(2, bulks.Count);
        Assert.Equal($$$"""{"delete":{"_id":"shop1:o-1001:2","_index":"ff-order-lines-2026.11","version":{{{Version}}},"version_type":"external_gte"}}""",
            Assert.Single(bulks[1].BodyText.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task An_order_whose_recreated_lines_could_not_be_deleted_is_retried()
    {
        using var node = new ScriptedNode(Answer(new() { ["shop1:o-1001"] = (409, Stale), ["shop1:o-1001:1"] = (409, Stale) }, deleteStatus: (429, Overloaded)));

        var outcomes = await Sink(node).WriteAsync([Order1, Event1], TestContext.Current.CancellationToken);

        Assert.Equal([SinkOutcomeKind.Retry, SinkOutcomeKind.Landed], outcomes.Select(o => o.Kind));
    }

    [Fact]
    public async Task Orders_rejected_or_retried_have_no_follow_up()
    {
        using var node = new ScriptedNode(Answer(new() { ["shop1:o-1001"] = (400, MappingError), ["shop1:o-1002"] = (429, Overloaded) }));

        var outcomes = await Sink(node).WriteAsync([Order1, Order2], TestContext.Current.CancellationToken);

        Assert.Equal([SinkOutcomeKind.Rejected, SinkOutcomeKind.Retry], outcomes.Select(o => o.Kind));
        Assert.Single(node.Requests, r => r.PathAndQuery == "/_bulk");
    }

    [Fact]
    public async Task Batches_over_the_byte_limit_go_out_in_several_requests_with_outcomes_in_batch_order()
    {
        using var node = new ScriptedNode(Answer(new() { [Event2Id] = (400, MappingError) }));
        var batch = Enumerable.Range(0, 40).Select(i => i == 37 ? Event2 : SinkItem.Of(Fixtures.OrderWithTwoLines() with { OrderId = $"o-{i}" })).ToList();

        var outcomes = await Sink(node, bulkMaxBytes: 64 * 1024, concurrency: 3).WriteAsync(batch, TestContext.Current.CancellationToken);

        var bulks = node.Requests.Where(r => r.PathAndQuery == "/_bulk").ToList();
        Assert.True(bulks.Count >= 2);
        Assert.All(bulks, r => Assert.True(r.Body.Length <= 64 * 1024));
        Assert.Equal(39, outcomes.Count(o => o.Kind == SinkOutcomeKind.Landed));
        Assert.Equal(SinkOutcomeKind.Rejected, outcomes[37].Kind);
    }

    [Fact]
    public async Task A_413_splits_the_request_in_halves_and_an_item_too_large_alone_is_rejected()
    {
        var big = SinkItem.Of(Fixtures.OrderWithTwoLines() with { OrderId = "o-big", CouponCode = new string('x', 8000) });
        var one = new BulkPlanner(new IndexNames("ff")).Plan([Order1], new Dictionary<string, StoredOrder>(), int.MaxValue).Single();
        var limit = (2 * InMemoryCluster.Offline().Serialize(new Elastic.Clients.Elasticsearch.BulkRequest { Operations = new(one.Operations) }).Length) + 100;
        var answer = Answer([]);
        using var node = new ScriptedNode(r => r.PathAndQuery == "/_bulk" && r.Body.Length > limit ? new ScriptedResponse(413, "") : answer(r));
        SinkItem[] batch = [Order1, Order2, SinkItem.Of(Fixtures.OrderWithTwoLines() with { OrderId = "o-1003" }), big];

        var outcomes = await Sink(node).WriteAsync(batch, TestContext.Current.CancellationToken);

        Assert.Equal([SinkOutcomeKind.Landed, SinkOutcomeKind.Landed, SinkOutcomeKind.Landed, SinkOutcomeKind.Rejected], outcomes.Select(o => o.Kind));
        Assert.StartsWith("HTTP 413: the item's ~", outcomes[3].Reason, StringComparison.Ordinal);
        // all four, then [1,2] and [3,big], then [3] and [big]
        Assert.Equal(5, node.Requests.Count(r => r.PathAndQuery == "/_bulk"));
    }

    [Fact]
    public async Task A_bulk_request_that_keeps_failing_throws_after_the_retries()
    {
        var answer = Answer([]);
        using var node = new ScriptedNode(r => r.PathAndQuery == "/_bulk"
            ? new ScriptedResponse(503, """{"error":{"root_cause":[{"type":"unavailable_shards_exception","reason":"primary shard is not active"}],"type":"unavailable_shards_exception","reason":"primary shard is not active"},"status":503}""")
            : answer(r));

        var ex = await Assert.ThrowsAsync<ElasticsearchException>(() => Sink(node).WriteAsync([Order1], TestContext.Current.CancellationToken));

        Assert.Equal((503, "unavailable_shards_exception"), (ex.StatusCode, ex.ErrorType));
        Assert.Equal(4, node.Requests.Count(r => r.PathAndQuery == "/_bulk")); // 1 + MaxRetries (3)
    }

    [Fact]
    public async Task A_response_with_too_few_items_throws()
    {
        var answer = Answer([]);
        using var node = new ScriptedNode(r => r.PathAndQuery == "/_bulk"
            ? new ScriptedResponse(200, """{"took":1,"errors":false,"items":[{"index":{"_index":"ff-orders-2026.11","_id":"shop1:o-1001","_version":1,"result":"created","_shards":{"total":2,"successful":1,"failed":0},"status":201,"_seq_no":0,"_primary_term":1}}]}""")
            : answer(r));

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

    private static IEnumerable<KeyValuePair<string, JsonNode?>> Actions(RecordedRequest bulk) =>
        bulk.BodyText.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject())
            .Where(o => o.Count == 1 && o.Single().Key is "index" or "create" or "delete").Select(o => o.Single());

    /// <summary>
    /// <c>_mget</c>: the <paramref name="stored"/> orders (version, line count), the rest not found. <c>_bulk</c>: per action by
    /// <c>_id</c> from <paramref name="byId"/>, deletes by <paramref name="deleteStatus"/>, everything else 201.
    /// </summary>
    private static Func<RecordedRequest, ScriptedResponse> Answer(Dictionary<string, (int Status, string Error)> byId,
        Dictionary<string, (long Version, int Lines)>? stored = null, (int Status, string Error)? deleteStatus = null) => request =>
    {
        if (request.PathAndQuery.StartsWith("/_mget?", StringComparison.Ordinal))
        {
            var docs = JsonNode.Parse(request.Body)!["docs"]!.AsArray().Select(d =>
            {
                var (index, id) = (d!["_index"]!.GetValue<string>(), d["_id"]!.GetValue<string>());
                return (JsonNode)(stored is not null && stored.TryGetValue(id, out var s)
                    ? JsonNode.Parse($$$"""{"_index":"{{{index}}}","_id":"{{{id}}}","_version":{{{s.Version}}},"_seq_no":7,"_primary_term":1,"found":true,"_source":{"line_count":{{{s.Lines}}}}}""")!
                    : JsonNode.Parse($$"""{"_index":"{{index}}","_id":"{{id}}","found":false}""")!);
            }).ToArray();
            return new ScriptedResponse(200, new JsonObject { ["docs"] = new JsonArray(docs) }.ToJsonString());
        }
        var items = new JsonArray();
        var actions = Actions(request).ToList();
        foreach (var (kind, target) in actions)
        {
            var (index, id) = (target!["_index"]!.GetValue<string>(), target["_id"]!.GetValue<string>());
            var scripted = kind == "delete" ? deleteStatus : byId.TryGetValue(id, out var s) ? s : null;
            items.Add(new JsonObject
            {
                [kind] = scripted is { } failure
                    ? JsonNode.Parse($$"""{"_index":"{{index}}","_id":"{{id}}","status":{{failure.Status}},"error":{{failure.Error}}}""")
                    : JsonNode.Parse($$"""{"_index":"{{index}}","_id":"{{id}}","_version":1,"result":"{{(kind == "delete" ? "deleted" : "created")}}","_shards":{"total":2,"successful":1,"failed":0},"status":{{(kind == "delete" ? 200 : 201)}},"_seq_no":0,"_primary_term":1}"""),
            });
        }
        return new ScriptedResponse(200, new JsonObject { ["took"] = 3, ["errors"] = byId.Count > 0 || deleteStatus is not null, ["items"] = items }.ToJsonString());
    };
}
