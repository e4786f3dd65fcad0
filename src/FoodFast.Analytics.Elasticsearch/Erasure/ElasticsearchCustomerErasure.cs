using System.Text;
using System.Text.Json.Nodes;
using FoodFast.Analytics.Core.Erasure;
using FoodFast.Analytics.Elasticsearch.Connection;
using FoodFast.Analytics.Elasticsearch.Indices;
using FoodFast.Analytics.Elasticsearch.Query;
using Microsoft.Extensions.Logging;

namespace FoodFast.Analytics.Elasticsearch.Erasure;

/// <summary>
/// Erasure as Postgres does it, with three by-query calls (wire notes §6; specification <c>_global/delete_by_query</c>,
/// <c>_global/update_by_query</c>): <c>_delete_by_query</c> on the events data stream (the shop's events whose
/// <c>user_id</c> is the customer), then <c>_update_by_query</c> on the orders and on the order lines with a painless
/// script that puts the pseudonym in <c>customer_id</c> and drops <c>location</c>. Each call waits for completion and
/// refreshes, so reads right after see the result. A by-query run is not a transaction: a document rewritten meanwhile
/// is a version conflict, counted (<c>conflicts=proceed</c>) and retried by running the call again, which only matches
/// what still carries the customer id; conflicts left after <see cref="MaxAttempts"/>, a time-out or a failed batch end
/// the erasure with <see cref="ErasureIncompleteException"/>.
/// </summary>
public sealed class ElasticsearchCustomerErasure(ClusterClient client, IndexNames names, ILogger<ElasticsearchCustomerErasure> logger) : ICustomerErasure
{
    public const int MaxAttempts = 3;

    /// <summary>Orders are written with external versions; update_by_query re-indexes with internal ones (version + 1), which a later, newer order version still beats.</summary>
    public const string PseudonymiseScript = "ctx._source.customer_id = params.pseudonym; ctx._source.remove('location');";

    private static readonly TimeSpan ByQueryTimeout = TimeSpan.FromMinutes(5);

    public async Task<ErasureCounts> EraseAsync(string shopId, string customerId, CancellationToken cancellationToken)
    {
        var pseudonym = $"erased-{Guid.NewGuid():N}";
        var events = await RunAsync(DeleteEvents(names, shopId, customerId), r => r.Deleted, cancellationToken);
        var orders = await RunAsync(Pseudonymise(names.Orders.ReadAlias, "pseudonymise_orders", shopId, customerId, pseudonym), r => r.Updated, cancellationToken);
        var lines = await RunAsync(Pseudonymise(names.OrderLines.ReadAlias, "pseudonymise_order_lines", shopId, customerId, pseudonym), r => r.Updated, cancellationToken);
        return new ErasureCounts(events, orders, lines, pseudonym);
    }

    public static EsRequest DeleteEvents(IndexNames names, string shopId, string customerId) =>
        Request($"{names.Events.ReadAlias}/_delete_by_query", "erase_events", new JsonObject { ["query"] = Match(shopId, "user_id", customerId) });

    public static EsRequest Pseudonymise(string index, string operation, string shopId, string customerId, string pseudonym) =>
        Request($"{index}/_update_by_query", operation, new JsonObject
        {
            ["query"] = Match(shopId, "customer_id", customerId),
            ["script"] = new JsonObject
            {
                ["lang"] = "painless",
                ["source"] = PseudonymiseScript,
                ["params"] = new JsonObject { ["pseudonym"] = pseudonym },
            },
        });

    private static EsRequest Request(string path, string operation, JsonObject body) =>
        EsRequest.Json(HttpMethod.Post, path + "?conflicts=proceed&refresh=true&wait_for_completion=true&ignore_unavailable=true&allow_no_indices=true",
            operation, Encoding.UTF8.GetBytes(body.ToJsonString())) with { Timeout = ByQueryTimeout };

    private static JsonObject Match(string shopId, string field, string customerId) =>
        new() { ["bool"] = new JsonObject { ["filter"] = new JsonArray(SearchFilters.Term("shop_id", shopId), SearchFilters.Term(field, customerId)) } };

    /// <summary>Runs the call until nothing conflicts; answers the total it changed over all attempts.</summary>
    private async Task<long> RunAsync(EsRequest request, Func<ByQueryResponse, long> changed, CancellationToken cancellationToken)
    {
        long total = 0;
        for (var attempt = 1; ; attempt++)
        {
            var response = await client.SendAsync(request, EsJson.Default.ByQueryResponse, cancellationToken);
            total += changed(response);
            if (response.Incomplete() is { } problem)
            {
                throw new ErasureIncompleteException(request.Operation, problem);
            }
            if (response.VersionConflicts == 0)
            {
                return total;
            }
            if (attempt == MaxAttempts)
            {
                throw new ErasureIncompleteException(request.Operation,
                    $"{response.VersionConflicts} document(s) still changed concurrently after {MaxAttempts} attempts");
            }
            logger.LogWarning("Erasure {Operation}: {Conflicts} version conflict(s), running it again", request.Operation, response.VersionConflicts);
        }
    }
}
