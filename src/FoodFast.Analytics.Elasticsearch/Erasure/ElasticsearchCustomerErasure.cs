using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Elastic.Clients.Elasticsearch.QueryDsl;
using Elastic.Transport;
using FoodFast.Analytics.Core.Erasure;
using FoodFast.Analytics.Elasticsearch.Connection;
using FoodFast.Analytics.Elasticsearch.Indices;
using Microsoft.Extensions.Logging;

namespace FoodFast.Analytics.Elasticsearch.Erasure;

/// <summary>
/// Erasure as Postgres does it: first a <c>_refresh</c> of the three targets, because a by-query call searches a
/// snapshot and would miss what was written since the last refresh; then typed <c>_delete_by_query</c> on the events
/// data stream (the shop's events whose <c>user_id</c> is the customer) and <c>_update_by_query</c> on the orders and
/// the order lines with a painless script that puts the pseudonym in <c>customer_id</c> and drops <c>location</c>. Each
/// call waits for completion and refreshes, so reads right after see the result. A by-query run is not a transaction: a
/// document rewritten meanwhile is a version conflict, counted (<c>conflicts=proceed</c>) and retried by running the
/// call again, which only matches what still carries the customer id; conflicts left after <see cref="MaxAttempts"/>,
/// a time-out or a failed batch end the erasure with <see cref="ErasureIncompleteException"/>.
/// </summary>
public sealed class ElasticsearchCustomerErasure(ClusterClient client, IndexNames names, ILogger<ElasticsearchCustomerErasure> logger) : ICustomerErasure
{
    public const int MaxAttempts = 3;

    /// <summary>Orders are written with external versions; update_by_query re-indexes with internal ones (version + 1), which a later, newer order version still beats.</summary>
    public const string PseudonymiseScript = "ctx._source.customer_id = params.pseudonym; ctx._source.remove('location');";

    private static readonly RequestConfiguration ByQueryTimeout = new() { RequestTimeout = TimeSpan.FromMinutes(5) };

    public async Task<ErasureCounts> EraseAsync(string shopId, string customerId, CancellationToken cancellationToken)
    {
        var pseudonym = $"erased-{Guid.NewGuid():N}";
        await client.CallAsync("refresh_before_erasure", (es, ct) => es.Indices.RefreshAsync(Refresh(names), ct), cancellationToken);
        var events = await RunAsync("erase_events", DeleteEvents(names, shopId, customerId), cancellationToken);
        var orders = await RunAsync("pseudonymise_orders", Pseudonymise(names.Orders.ReadAlias, shopId, customerId, pseudonym), cancellationToken);
        var lines = await RunAsync("pseudonymise_order_lines", Pseudonymise(names.OrderLines.ReadAlias, shopId, customerId, pseudonym), cancellationToken);
        logger.LogInformation("Erased a customer of shop {ShopId}: {Events} event(s) deleted, {Orders} order(s) and {Lines} order line(s) pseudonymised",
            shopId, events, orders, lines);
        return new ErasureCounts(events, orders, lines, pseudonym);
    }

    public static RefreshRequest Refresh(IndexNames names) =>
        new(Elastic.Clients.Elasticsearch.Indices.Parse($"{names.Events.ReadAlias},{names.Orders.ReadAlias},{names.OrderLines.ReadAlias}")) { IgnoreUnavailable = true, AllowNoIndices = true };

    public static DeleteByQueryRequest DeleteEvents(IndexNames names, string shopId, string customerId) =>
        new(names.Events.ReadAlias)
        {
            Query = Match(shopId, "user_id", customerId),
            Conflicts = Conflicts.Proceed, Refresh = true, WaitForCompletion = true, IgnoreUnavailable = true, AllowNoIndices = true,
            RequestConfiguration = ByQueryTimeout,
        };

    public static UpdateByQueryRequest Pseudonymise(string index, string shopId, string customerId, string pseudonym) =>
        new(index)
        {
            Query = Match(shopId, "customer_id", customerId),
            Script = new Script { Lang = ScriptLanguage.Painless, Source = PseudonymiseScript, Params = new Dictionary<string, object> { ["pseudonym"] = pseudonym } },
            Conflicts = Conflicts.Proceed, Refresh = true, WaitForCompletion = true, IgnoreUnavailable = true, AllowNoIndices = true,
            RequestConfiguration = ByQueryTimeout,
        };

    private static Elastic.Clients.Elasticsearch.QueryDsl.Query Match(string shopId, string field, string customerId) =>
        new BoolQuery { Filter = [new TermQuery("shop_id", shopId), new TermQuery(field, customerId)] };

    private Task<long> RunAsync(string step, DeleteByQueryRequest request, CancellationToken cancellationToken) =>
        RunAsync(step, async ct =>
        {
            var r = await client.CallAsync(step, (es, c) => es.DeleteByQueryAsync(request, c), ct);
            return new ByQueryOutcome(r.Deleted ?? 0, r.VersionConflicts ?? 0, r.TimedOut == true, r.Failures);
        }, cancellationToken);

    private Task<long> RunAsync(string step, UpdateByQueryRequest request, CancellationToken cancellationToken) =>
        RunAsync(step, async ct =>
        {
            var r = await client.CallAsync(step, (es, c) => es.UpdateByQueryAsync(request, c), ct);
            return new ByQueryOutcome(r.Updated ?? 0, r.VersionConflicts ?? 0, r.TimedOut == true, r.Failures);
        }, cancellationToken);

    /// <summary>Runs the call until nothing conflicts; answers the total it changed over all attempts.</summary>
    private async Task<long> RunAsync(string step, Func<CancellationToken, Task<ByQueryOutcome>> call, CancellationToken cancellationToken)
    {
        long total = 0;
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await call(cancellationToken);
            total += outcome.Changed;
            if (outcome.Incomplete() is { } problem)
            {
                throw new ErasureIncompleteException(step, problem);
            }
            if (outcome.VersionConflicts == 0)
            {
                return total;
            }
            if (attempt == MaxAttempts)
            {
                throw new ErasureIncompleteException(step, $"{outcome.VersionConflicts} document(s) still changed concurrently after {MaxAttempts} attempts");
            }
            logger.LogWarning("Erasure {Step}: {Conflicts} version conflict(s), running it again", step, outcome.VersionConflicts);
        }
    }
}
