using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Elasticsearch.Client;
using FoodFast.Analytics.Elasticsearch.Indices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Elasticsearch.Sink;

/// <summary>
/// Writes batches with <c>_bulk</c>: NDJSON chunks of at most <c>BulkMaxBytes</c>, <c>BulkConcurrency</c> in flight,
/// one outcome per batch item from its own actions' statuses. A request that still fails after the client's retries
/// (429, 5xx, no node answering) throws, so the indexer retries the whole batch; the writes are idempotent.
/// </summary>
public sealed class ElasticsearchSink(ElasticsearchClient client, IndexNames names, IOptions<ElasticsearchOptions> options, ILogger<ElasticsearchSink> logger)
    : IAnalyticsSink
{
    /// <summary><c>filter_path</c> that keeps every item's status, so positions still pair with the request (§2.4).</summary>
    public const string BulkPath = "_bulk?filter_path=took,errors,items.*.status,items.*.error";

    private readonly BulkBodyWriter _writer = new(names);
    private readonly SurplusLineCleaner _cleaner = new(client, names);

    public async Task<IReadOnlyList<SinkOutcome>> WriteAsync(IReadOnlyList<SinkItem> batch, CancellationToken cancellationToken)
    {
        var outcomes = new SinkOutcome?[batch.Count];
        var chunks = _writer.Write(batch, options.Value.BulkMaxBytes);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.BulkConcurrency, CancellationToken = cancellationToken };
        // Per order: null (no 2xx/409 on its own document), false (written) or true (stale: a newer version is stored).
        var orderState = new bool?[batch.Count];
        await Parallel.ForEachAsync(chunks, parallel, async (chunk, ct) =>
        {
            var request = new EsRequest(HttpMethod.Post, BulkPath, "bulk") { Body = chunk.Body, IsNdjson = true };
            var response = await client.SendAsync(request, ct);
            var statuses = BulkResponseReader.Read(response.Body, chunk.ActionOwners.Count);
            for (var i = 0; i < statuses.Count; i++)
            {
                var owner = chunk.ActionOwners[i];
                var outcome = ItemOutcomes.Of(statuses[i]);
                // Chunks never split an item, so each owner is touched by one task only.
                outcomes[owner] = outcomes[owner] is { } earlier ? ItemOutcomes.Worst(earlier, outcome) : outcome;
                var isOrderAction = batch[owner].Order is not null && (i == 0 || chunk.ActionOwners[i - 1] != owner);
                if (isOrderAction && statuses[i].Status is >= 200 and < 300 or 409)
                {
                    orderState[owner] = statuses[i].Status == 409;
                }
            }
        });
        await CleanSurplusLinesAsync(batch, orderState, outcomes, cancellationToken);
        return outcomes.Select(o => o ?? SinkOutcome.Reject("the item carries neither an order nor an event")).ToList();
    }

    private async Task CleanSurplusLinesAsync(IReadOnlyList<SinkItem> batch, bool?[] orderState, SinkOutcome?[] outcomes, CancellationToken cancellationToken)
    {
        var written = Enumerable.Range(0, batch.Count).Where(i => orderState[i] is not null).ToList();
        if (written.Count == 0)
        {
            return;
        }
        try
        {
            await _cleaner.DeleteSurplusAsync(written.Select(i => new WrittenOrder(batch[i].Order!, orderState[i]!.Value)).ToList(), cancellationToken);
        }
        catch (ElasticsearchException ex)
        {
            logger.LogWarning("Orders written but their surplus lines not deleted; they will be retried: {Error}", ex.Message);
            foreach (var i in written)
            {
                outcomes[i] = ItemOutcomes.Worst(outcomes[i]!, SinkOutcome.Retry(ex.Message));
            }
        }
    }
}
