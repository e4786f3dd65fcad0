using System.Text.Json.Nodes;
using FoodFast.Analytics.Core.Erasure;
using FoodFast.Analytics.Elasticsearch.Connection;
using FoodFast.Analytics.Elasticsearch.Erasure;
using FoodFast.Analytics.Elasticsearch.Indices;
using FoodFast.Analytics.UnitTests.Elasticsearch.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace FoodFast.Analytics.UnitTests.Elasticsearch.Erasure;

/// <summary>
/// Erasure through a <c>_refresh</c>, then typed <c>_delete_by_query</c> and <c>_update_by_query</c>: the bodies against snapshots, and answers in the shape
/// of the specification's <c>_global/update_by_query/UpdateByQueryResponse.ts</c> (counts, <c>version_conflicts</c>,
/// <c>timed_out</c>, <c>failures</c> as <c>BulkIndexByScrollFailure</c> in <c>_types/Errors.ts</c>); see docs/elasticsearch.md, "Customer erasure".
/// </summary>
public sealed class ErasureTests
{
    private const string Refreshed = """{"_shards":{"total":6,"successful":3,"failed":0}}""";
    private static readonly IndexNames Names = new("ff");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Events_are_deleted_and_orders_pseudonymised_by_a_query_on_the_shop_and_the_customer()
    {
        var client = InMemoryCluster.Offline();

        Snapshots.Match("erasure-delete-events.json", client.Serialize(ElasticsearchCustomerErasure.DeleteEvents(Names, "shop-a", "c-42")));
        Snapshots.Match("erasure-pseudonymise-orders.json",
            client.Serialize(ElasticsearchCustomerErasure.Pseudonymise(Names.Orders.ReadAlias, "shop-a", "c-42", "erased-0123456789abcdef0123456789abcdef")));
    }

    [Fact]
    public async Task The_targets_are_refreshed_first_so_what_arrived_since_the_last_refresh_is_erased_too_and_counts_are_reported()
    {
        using var node = new ScriptedNode(request => new ScriptedResponse(200, request.PathAndQuery.Split('?')[0] switch
        {
            "/ff-events%2Cff-orders%2Cff-order-lines/_refresh" => Refreshed,
            "/ff-events/_delete_by_query" => Answer(deleted: 2),
            "/ff-orders/_update_by_query" => Answer(updated: 2),
            "/ff-order-lines/_update_by_query" => Answer(updated: 3),
            _ => """{"error":"unexpected request"}""",
        }));

        var counts = await Erasure(node).EraseAsync("shop-a", "c-42", Ct);

        Assert.Equal((2L, 2L, 3L), (counts.EventsDeleted, counts.OrdersPseudonymised, counts.LinesPseudonymised));
        Assert.Matches("^erased-[0-9a-f]{32}$", counts.Pseudonym);
        const string byQuery = "?allow_no_indices=true&conflicts=proceed&ignore_unavailable=true&refresh=true&wait_for_completion=true";
        const string updateQuery = "?allow_no_indices=true&ignore_unavailable=true&refresh=true&wait_for_completion=true"; // conflicts travels in its body
        Assert.Equal(
        [
            "POST /ff-events%2Cff-orders%2Cff-order-lines/_refresh?allow_no_indices=true&ignore_unavailable=true", // the client escapes the commas; Elasticsearch decodes them
            "POST /ff-events/_delete_by_query" + byQuery, "POST /ff-orders/_update_by_query" + updateQuery, "POST /ff-order-lines/_update_by_query" + updateQuery,
        ], node.Requests.Select(r => $"{r.Method} {Sorted(r.PathAndQuery)}"));
        Assert.All(node.Requests.Skip(2), r => Assert.Equal(counts.Pseudonym, JsonNode.Parse(r.Body)!["script"]!["params"]!["pseudonym"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Version_conflicts_run_the_call_again_and_the_counts_add_up()
    {
        var orderCalls = 0;
        using var node = new ScriptedNode(request => new ScriptedResponse(200, request.PathAndQuery.StartsWith("/ff-orders/", StringComparison.Ordinal)
            ? Interlocked.Increment(ref orderCalls) == 1 ? Answer(updated: 1, conflicts: 1) : Answer(updated: 1)
            : Answer()));

        var counts = await Erasure(node).EraseAsync("shop-a", "c-42", Ct);

        Assert.Equal(2, counts.OrdersPseudonymised);
        Assert.Equal(2, orderCalls);
        Assert.Equal(5, node.Requests.Count); // refresh, events, orders twice, lines
    }

    [Fact]
    public async Task Conflicts_that_persist_end_the_erasure_with_a_typed_error()
    {
        using var node = new ScriptedNode(request => new ScriptedResponse(200, request.PathAndQuery.StartsWith("/ff-orders/", StringComparison.Ordinal)
            ? Answer(conflicts: 1) : Answer()));

        var ex = await Assert.ThrowsAsync<ErasureIncompleteException>(() => Erasure(node).EraseAsync("shop-a", "c-42", Ct));

        Assert.Equal(("pseudonymise_orders", "1 document(s) still changed concurrently after 3 attempts"), (ex.Step, ex.Reason));
        Assert.Equal(2 + ElasticsearchCustomerErasure.MaxAttempts, node.Requests.Count);
        Assert.DoesNotContain("c-42", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_batch_or_a_time_out_is_a_typed_error_naming_the_cause()
    {
        const string failed = """{"took":12,"timed_out":false,"total":3,"updated":1,"deleted":0,"batches":1,"version_conflicts":0,"noops":0,"retries":{"bulk":0,"search":0},"throttled_millis":0,"requests_per_second":-1.0,"throttled_until_millis":0,"failures":[{"index":"ff-order-lines-2026.10","id":"shop-a:a-1:1","cause":{"type":"mapper_parsing_exception","reason":"failed to parse field [customer_id]"},"status":400}]}""";
        const string timedOut = """{"took":60000,"timed_out":true,"total":9,"deleted":4,"batches":1,"version_conflicts":0,"noops":0,"retries":{"bulk":0,"search":0},"throttled_millis":0,"requests_per_second":-1.0,"throttled_until_millis":0,"failures":[]}""";
        using var failing = new ScriptedNode(request => new ScriptedResponse(200, request.PathAndQuery.StartsWith("/ff-order-lines/", StringComparison.Ordinal) ? failed : Answer()));
        using var slow = ScriptedNode.Playing(new ScriptedResponse(200, Refreshed), new ScriptedResponse(200, timedOut));

        var batch = await Assert.ThrowsAsync<ErasureIncompleteException>(() => Erasure(failing).EraseAsync("shop-a", "c-42", Ct));
        var time = await Assert.ThrowsAsync<ErasureIncompleteException>(() => Erasure(slow).EraseAsync("shop-a", "c-42", Ct));

        Assert.Equal(("pseudonymise_order_lines", "1 failure(s), the first mapper_parsing_exception: failed to parse field [customer_id]"), (batch.Step, batch.Reason));
        Assert.Equal(("erase_events", "timed out before every match was processed"), (time.Step, time.Reason));
        Assert.Equal(2, slow.Requests.Count);
    }

    [Fact]
    public async Task A_script_the_cluster_refuses_is_an_elasticsearch_error()
    {
        using var node = new ScriptedNode(request => request.PathAndQuery.StartsWith("/ff-events", StringComparison.Ordinal)
            ? new ScriptedResponse(200, request.PathAndQuery.Contains("_refresh", StringComparison.Ordinal) ? Refreshed : Answer())
            : new ScriptedResponse(400, """{"error":{"root_cause":[{"type":"script_exception","reason":"compile error"}],"type":"script_exception","reason":"compile error"},"status":400}"""));

        var ex = await Assert.ThrowsAsync<ElasticsearchException>(() => Erasure(node).EraseAsync("shop-a", "c-42", Ct));

        Assert.Equal(("pseudonymise_orders", 400, "script_exception"), (ex.Step, ex.StatusCode, ex.ErrorType));
    }

    private static ElasticsearchCustomerErasure Erasure(ScriptedNode node) =>
        new(TestClients.Create(TestClients.Options(node.Url)), Names, NullLogger<ElasticsearchCustomerErasure>.Instance);

    private static string Sorted(string pathAndQuery)
    {
        var parts = pathAndQuery.Split('?');
        return parts.Length == 1 ? parts[0] : parts[0] + "?" + string.Join('&', parts[1].Split('&').Order(StringComparer.Ordinal));
    }

    private static string Answer(long deleted = 0, long updated = 0, long conflicts = 0) =>
        $$"""{"took":8,"timed_out":false,"total":{{deleted + updated + conflicts}},"updated":{{updated}},"deleted":{{deleted}},"batches":1,"version_conflicts":{{conflicts}},"noops":0,"retries":{"bulk":0,"search":0},"throttled_millis":0,"requests_per_second":-1.0,"throttled_until_millis":0,"failures":[]}""";
}
