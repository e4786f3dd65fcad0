using System.Runtime.CompilerServices;
using System.Text.Json;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Search;
using Es = Elastic.Clients.Elasticsearch.QueryDsl;
using FoodFast.Analytics.Elasticsearch.Connection;
using Microsoft.Extensions.Logging;

namespace FoodFast.Analytics.Elasticsearch.Exports;

/// <summary>What to stream: a query over an index (or alias or pattern), ascending by <see cref="Sort"/>.</summary>
/// <param name="Sort">Ends with a unique key of the dataset (<c>shop_id</c> + <c>order_id</c>, <c>event_id</c>), so the order is total.</param>
public sealed record PointInTimeQuery(string Index, Es.Query Query, IReadOnlyList<string> Sort)
{
    public int PageSize { get; init; } = 5000;

    /// <summary>How long the PIT lives between two pages; each page renews it.</summary>
    public string KeepAlive { get; init; } = "2m";

    /// <summary>The <c>_source</c> fields each hit carries; null: the whole document.</summary>
    public IReadOnlyList<string>? Source { get; init; }
}

/// <summary>One hit's <c>_source</c>.</summary>
public sealed record ExportHit(JsonElement Source);

/// <summary>
/// Streams every document matching a query without the 10,000-hit wall, with typed requests: opens a point in time,
/// pages with <c>search_after</c> = the last hit's <c>sort</c> sent back as the client read it (longs stay longs),
/// the sort ending in the <c>_shard_doc</c> tie-breaker, always with the latest PIT id; stops at a short page and
/// closes the PIT when the stream ends, fails or is abandoned. A missing index is an empty stream; a page with shard
/// failures or a time-out is an error, since an export must be complete.
/// </summary>
public sealed class PointInTimeReader(ClusterClient client, ILogger logger)
{
    private static readonly HashSet<int> Missing = [404];

    public async IAsyncEnumerable<ExportHit> StreamAsync(PointInTimeQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (query.Sort.Count == 0)
        {
            throw new ArgumentException("a point-in-time export needs a sort that ends with a unique key", nameof(query));
        }
        var open = await client.CallAsync("open_point_in_time",
            (es, ct) => es.OpenPointInTimeAsync(new OpenPointInTimeRequest(query.Index) { KeepAlive = query.KeepAlive }, ct), cancellationToken, Missing);
        if (!open.IsValidResponse)
        {
            yield break;
        }
        var pitId = open.Id;
        try
        {
            IReadOnlyCollection<FieldValue>? after = null;
            while (true)
            {
                var request = Request(query, pitId, after);
                var page = await client.CallAsync("search_point_in_time", (es, ct) => es.SearchAsync<JsonElement>(request, ct), cancellationToken);
                if (page.TimedOut)
                {
                    throw new ElasticsearchException("search_point_in_time", 200, null, "the search timed out; the page is incomplete");
                }
                if (page.Shards.Failed > 0)
                {
                    throw new ElasticsearchException("search_point_in_time", 200, null, $"{page.Shards.Failed} shard(s) failed; the page is incomplete");
                }
                pitId = page.PitId is { Length: > 0 } latest ? latest : pitId;
                var hits = page.HitsMetadata.Hits;
                foreach (var hit in hits)
                {
                    yield return new ExportHit(hit.Source);
                }
                if (hits.Count < query.PageSize)
                {
                    yield break;
                }
                after = hits.Last().Sort;
            }
        }
        finally
        {
            await CloseAsync(pitId);
        }
    }

    /// <summary>The page request, <c>_shard_doc</c> last. No index in the path: the PIT names it.</summary>
    public static SearchRequest Request(PointInTimeQuery query, string pitId, IReadOnlyCollection<FieldValue>? after) => new()
    {
        Size = query.PageSize,
        TrackTotalHits = new TrackHits(false),
        Query = query.Query,
        Sort = [.. query.Sort.Append("_shard_doc").Select(f => (SortOptions)new FieldSort(f) { Order = SortOrder.Asc })],
        Source = query.Source is { } fields ? new SourceFilter { Includes = fields.ToArray() } : (SourceConfig?)null,
        Pit = new PointInTimeReference { Id = pitId, KeepAlive = query.KeepAlive },
        SearchAfter = after?.ToList(),
    };

    /// <summary>Closes even when the caller cancelled (with its own short deadline); a PIT left open expires after its keep-alive anyway.</summary>
    private async Task CloseAsync(string pitId)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await client.CallAsync("close_point_in_time", (es, ct) => es.ClosePointInTimeAsync(new ClosePointInTimeRequest { Id = pitId }, ct), deadline.Token, Missing, maxRetries: 1);
        }
        catch (Exception ex) when (ex is ElasticsearchException or OperationCanceledException)
        {
            logger.LogWarning("Could not close a point in time; it expires on its own: {Error}", ex.Message);
        }
    }
}
