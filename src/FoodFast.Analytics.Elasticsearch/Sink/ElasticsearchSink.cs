using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Bulk;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Elasticsearch.Connection;
using FoodFast.Analytics.Elasticsearch.Indices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Elasticsearch.Sink;

/// <summary>
/// Writes batches with typed <c>_bulk</c> requests: the stored version of the batch's orders is read first (one
/// realtime <c>_mget</c>), then chunks of at most <c>BulkMaxBytes</c> go out, <c>BulkConcurrency</c> in flight, and each
/// batch item gets the outcome of its own actions. A request that still fails after the client's retries (429, 5xx,
/// no node answering) throws, so the indexer retries the whole batch; the writes are idempotent.
/// </summary>
public sealed class ElasticsearchSink(ClusterClient client, IndexNames names, IOptions<ElasticsearchOptions> options, ILogger<ElasticsearchSink> logger)
    : IAnalyticsSink
{
    private readonly BulkPlanner _planner = new(names);
    private readonly StoredOrders _stored = new(client, names);

    public async Task<IReadOnlyList<SinkOutcome>> WriteAsync(IReadOnlyList<SinkItem> batch, CancellationToken cancellationToken)
    {
        var outcomes = new SinkOutcome?[batch.Count];
        var stored = await _stored.ReadAsync(batch.Where(i => i.Order is not null).Select(i => i.Order!), cancellationToken);
        for (var i = 0; i < batch.Count; i++)
        {
            if (BulkPlanner.IsSuperseded(batch[i], stored))
            {
                outcomes[i] = SinkOutcome.Landed; // a newer version is stored: nothing to write, as a 409 would say
            }
        }
        var chunks = _planner.Plan(batch, stored, options.Value.BulkMaxBytes);
        var recreated = new List<(int Owner, BulkDeleteOperation Delete)>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.BulkConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(chunks, parallel, async (chunk, ct) =>
        {
            foreach (var (sent, statuses) in await SendAsync(chunk, ct))
            {
                var at = 0;
                foreach (var item in sent.Items)
                {
                    var own = statuses.Skip(at).Take(item.Operations.Count).ToList();
                    at += item.Operations.Count;
                    // Chunks never split an item, so each position is written by one task only.
                    outcomes[item.Position] = own.Select(ItemOutcomes.Of).Aggregate(ItemOutcomes.Worst);
                    if (RecreatedLines(item, own) is { Count: > 0 } lines)
                    {
                        lock (recreated)
                        {
                            recreated.AddRange(lines.Select(d => (item.Position, d)));
                        }
                    }
                }
            }
        });
        await DeleteRecreatedAsync(recreated, outcomes, cancellationToken);
        return outcomes.Select(o => o ?? SinkOutcome.Reject("the item carries neither an order nor an event")).ToList();
    }

    /// <summary>
    /// An order answered 409 (a newer version landed after the <c>_mget</c>) whose line writes still created documents
    /// (201): lines the newer version does not have. They carry this order's version, so a delete with it removes them.
    /// </summary>
    private static List<BulkDeleteOperation> RecreatedLines(ItemActions item, List<BulkItemStatus> statuses)
    {
        if (item.Operations[0] is not BulkIndexOperation<Documents.OrderDocument> || statuses[0].Status != 409)
        {
            return [];
        }
        return item.Operations.Zip(statuses).Skip(1)
            .Where(p => p.First is BulkIndexOperation<Documents.OrderLineDocument> && p.Second.Status == 201)
            .Select(p => new BulkDeleteOperation(p.First.Id!) { Index = p.First.Index, Version = p.First.Version, VersionType = VersionType.ExternalGte })
            .ToList();
    }

    private async Task DeleteRecreatedAsync(List<(int Owner, BulkDeleteOperation Delete)> recreated, SinkOutcome?[] outcomes, CancellationToken cancellationToken)
    {
        if (recreated.Count == 0)
        {
            return;
        }
        var chunk = new BulkChunk(recreated.GroupBy(r => r.Owner).Select(g => new ItemActions(g.Key, g.Select(r => (BulkOperation)r.Delete).ToList(), 0)).ToList());
        foreach (var (sent, statuses) in await SendAsync(chunk, cancellationToken))
        {
            var owners = sent.ActionOwners;
            for (var i = 0; i < statuses.Count; i++)
            {
                outcomes[owners[i]] = ItemOutcomes.Worst(outcomes[owners[i]]!, ItemOutcomes.Of(statuses[i]));
            }
        }
    }

    /// <summary>
    /// Sends one chunk. A 413 (body over the cluster's <c>http.max_content_length</c>) splits it in two by items and
    /// sends the halves; an item that is too large on its own answers 413 for each of its actions, and is rejected.
    /// </summary>
    private async Task<List<(BulkChunk Sent, IReadOnlyList<BulkItemStatus> Statuses)>> SendAsync(BulkChunk chunk, CancellationToken cancellationToken)
    {
        var request = new BulkRequest { Operations = new BulkOperationsCollection(chunk.Operations) };
        var response = await client.CallAsync("bulk", (es, ct) => es.BulkAsync(request, ct), cancellationToken, accepted: AnsweredPerItem);
        if (response.ApiCallDetails.HttpStatusCode != 413)
        {
            return [(chunk, BulkItemStatus.Read(response, chunk.ActionOwners.Count))];
        }
        if (chunk.Items.Count == 1)
        {
            var tooLarge = new BulkItemStatus(413, null, $"the item's ~{chunk.Bytes} bytes exceed the cluster's http.max_content_length");
            return [(chunk, chunk.ActionOwners.Select(_ => tooLarge).ToList())];
        }
        logger.LogWarning("A bulk request of ~{Bytes} bytes was too large (413); sending it in two halves", chunk.Bytes);
        var results = new List<(BulkChunk, IReadOnlyList<BulkItemStatus>)>();
        foreach (var half in chunk.Items.Chunk((chunk.Items.Count + 1) / 2))
        {
            results.AddRange(await SendAsync(new BulkChunk(half), cancellationToken));
        }
        return results;
    }

    /// <summary>The client calls a bulk answer with failed items invalid; here each item is judged by its own status. 413 is split.</summary>
    private static readonly HashSet<int> AnsweredPerItem = [200, 413];
}
