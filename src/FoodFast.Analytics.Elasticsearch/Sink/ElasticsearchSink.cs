using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Elasticsearch.Connection;
using FoodFast.Analytics.Elasticsearch.Indices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Elasticsearch.Sink;

/// <summary>
/// Writes batches with <c>_bulk</c>: NDJSON chunks of at most <c>BulkMaxBytes</c>, <c>BulkConcurrency</c> in flight,
/// one outcome per batch item from its own actions' statuses. A request that still fails after the client's retries
/// (429, 5xx, no node answering) throws, so the indexer retries the whole batch; the writes are idempotent.
/// </summary>
public sealed class ElasticsearchSink(ClusterClient client, IndexNames names, IOptions<ElasticsearchOptions> options, ILogger<ElasticsearchSink> logger)
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
        // Per order: null (no 2xx/409 on its own document), false (written) or true (stale: a newer version is stored),
        // and the line numbers whose write created a document (2xx).
        var orderState = new bool?[batch.Count];
        var createdLines = new List<int>[batch.Count];
        await Parallel.ForEachAsync(chunks, parallel, async (chunk, ct) =>
        {
            foreach (var (owners, statuses) in await SendAsync(batch, chunk, ct))
            {
                var orderActionAt = 0;
                for (var i = 0; i < statuses.Count; i++)
                {
                    var owner = owners[i];
                    var outcome = ItemOutcomes.Of(statuses[i]);
                    // Chunks never split an item, so each owner is touched by one task only.
                    outcomes[owner] = outcomes[owner] is { } earlier ? ItemOutcomes.Worst(earlier, outcome) : outcome;
                    if (batch[owner].Order is null)
                    {
                        continue;
                    }
                    var isOrderAction = i == 0 || owners[i - 1] != owner;
                    if (isOrderAction)
                    {
                        orderActionAt = i;
                        createdLines[owner] = [];
                        if (statuses[i].Status is >= 200 and < 300 or 409)
                        {
                            orderState[owner] = statuses[i].Status == 409;
                        }
                    }
                    else if (statuses[i].Status is >= 200 and < 300)
                    {
                        createdLines[owner].Add(i - orderActionAt); // an order's line actions follow its own, line 1 first
                    }
                }
            }
        });
        await CleanSurplusLinesAsync(batch, orderState, createdLines, outcomes, cancellationToken);
        return outcomes.Select(o => o ?? SinkOutcome.Reject("the item carries neither an order nor an event")).ToList();
    }

    /// <summary>
    /// Sends one chunk. A 413 (body over the cluster's <c>http.max_content_length</c>) splits it in two by items and
    /// sends the halves; an item that is too large on its own answers 413 for each of its actions, and is rejected.
    /// </summary>
    private async Task<List<(IReadOnlyList<int> Owners, IReadOnlyList<BulkItemStatus> Statuses)>> SendAsync(
        IReadOnlyList<SinkItem> batch, BulkChunk chunk, CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.SendAsync(new EsRequest(HttpMethod.Post, BulkPath, "bulk") { Body = chunk.Body, IsNdjson = true }, cancellationToken);
            return [(chunk.ActionOwners, BulkResponseReader.Read(response.Body, chunk.ActionOwners.Count))];
        }
        catch (ElasticsearchException ex) when (ex.StatusCode == 413)
        {
            var positions = chunk.ActionOwners.Distinct().ToList();
            if (positions.Count == 1)
            {
                var tooLarge = new BulkItemStatus(413, null, $"the item's {chunk.Body.Length} bytes exceed the cluster's http.max_content_length");
                return [(chunk.ActionOwners, chunk.ActionOwners.Select(_ => tooLarge).ToList())];
            }
            logger.LogWarning("A bulk request of {Bytes} bytes was too large (413); sending it in two halves", chunk.Body.Length);
            var results = new List<(IReadOnlyList<int>, IReadOnlyList<BulkItemStatus>)>();
            foreach (var half in positions.Chunk((positions.Count + 1) / 2))
            {
                // One chunk per half: the byte limit is the whole body, so nothing splits further here.
                var part = _writer.Write(half.Select(p => batch[p]).ToList(), int.MaxValue).Single();
                var rebased = new BulkChunk(part.Body, part.ActionOwners.Select(o => half[o]).ToList());
                results.AddRange(await SendAsync(batch, rebased, cancellationToken));
            }
            return results;
        }
    }

    private async Task CleanSurplusLinesAsync(IReadOnlyList<SinkItem> batch, bool?[] orderState, List<int>[] createdLines, SinkOutcome?[] outcomes,
        CancellationToken cancellationToken)
    {
        // A stale order that created no line document has nothing to take back.
        var written = Enumerable.Range(0, batch.Count).Where(i => orderState[i] is false || (orderState[i] is true && createdLines[i].Count > 0)).ToList();
        if (written.Count == 0)
        {
            return;
        }
        try
        {
            await _cleaner.DeleteSurplusAsync(written.Select(i => new WrittenOrder(batch[i].Order!, orderState[i]!.Value, createdLines[i])).ToList(), cancellationToken);
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
