using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace FoodFast.Analytics.Elasticsearch.Connection;

/// <summary>What to stream: a query over an index (or alias or pattern), in <see cref="Sort"/> order.</summary>
/// <param name="Sort">Ends with a unique key of the dataset (<c>shop_id</c> + <c>order_id</c>, <c>event_id</c>), so the order is total.</param>
public sealed record PointInTimeQuery(string Index, JsonObject Query, JsonArray Sort)
{
    public int PageSize { get; init; } = 5000;

    /// <summary>How long the PIT lives between two pages; each page renews it.</summary>
    public string KeepAlive { get; init; } = "2m";

    /// <summary>The <c>_source</c> fields each hit carries; null: the whole document.</summary>
    public JsonArray? Source { get; init; }
}

/// <summary>One hit: its <c>_source</c>, and the raw <c>sort</c> values the next page starts after.</summary>
public sealed record ExportHit(JsonElement Source, JsonElement Sort);

/// <summary>
/// Streams every document matching a query without the 10,000-hit wall (§5): opens a point in time, pages with
/// <c>search_after</c> = the last hit's <c>sort</c> sent back verbatim (never through <c>double</c>), always with the
/// latest PIT id, stops at a short page, and closes the PIT when the stream ends, fails or is abandoned. A missing
/// index is an empty stream; a page with shard failures or a time-out is an error, since an export must be complete.
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
        var pitId = await OpenAsync(query, cancellationToken);
        if (pitId is null)
        {
            yield break;
        }
        try
        {
            JsonElement? after = null;
            while (true)
            {
                var page = await SearchAsync(query, pitId, after, cancellationToken);
                pitId = page.PitId;
                foreach (var hit in page.Hits)
                {
                    yield return hit;
                }
                if (page.Hits.Count < query.PageSize)
                {
                    yield break;
                }
                after = page.Hits[^1].Sort;
            }
        }
        finally
        {
            await CloseAsync(pitId);
        }
    }

    private async Task<string?> OpenAsync(PointInTimeQuery query, CancellationToken cancellationToken)
    {
        var path = $"{query.Index}/_pit?keep_alive={query.KeepAlive}";
        var response = await client.SendAsync(new EsRequest(HttpMethod.Post, path, "open_point_in_time") { Accepted = Missing }, cancellationToken);
        if (response.StatusCode == 404)
        {
            return null;
        }
        using var doc = JsonDocument.Parse(response.Body);
        const string key = "id";
        return doc.RootElement.TryGetProperty(key, out var id) && id.GetString() is { Length: > 0 } value
            ? value
            : throw new ElasticsearchException("open_point_in_time", response.StatusCode, null, $"the answer has no '{key}'");
    }

    private async Task<(string PitId, List<ExportHit> Hits)> SearchAsync(PointInTimeQuery query, string pitId, JsonElement? after, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["size"] = query.PageSize,
            ["track_total_hits"] = false,
            ["query"] = query.Query.DeepClone(),
            ["pit"] = new JsonObject { ["id"] = pitId, ["keep_alive"] = query.KeepAlive },
            ["sort"] = query.Sort.DeepClone(),
        };
        if (query.Source is { } source)
        {
            body["_source"] = source.DeepClone();
        }
        if (after is { } values)
        {
            body["search_after"] = JsonNode.Parse(values.GetRawText());
        }
        // No index in the path: the PIT names it.
        var response = await client.SendAsync(EsRequest.Json(HttpMethod.Post, "_search", "search_point_in_time", Encoding.UTF8.GetBytes(body.ToJsonString())), cancellationToken);
        using var doc = JsonDocument.Parse(response.Body);
        var root = doc.RootElement;
        if (root.TryGetProperty("timed_out", out var timedOut) && timedOut.GetBoolean())
        {
            throw new ElasticsearchException("search_point_in_time", response.StatusCode, null, "the search timed out; the page is incomplete");
        }
        if (root.TryGetProperty("_shards", out var shards) && shards.TryGetProperty("failed", out var failed) && failed.GetInt32() > 0)
        {
            throw new ElasticsearchException("search_point_in_time", response.StatusCode, null, $"{failed.GetInt32()} shard(s) failed; the page is incomplete");
        }
        var hits = root.GetProperty("hits").GetProperty("hits").EnumerateArray()
            .Select(h => new ExportHit(h.GetProperty("_source").Clone(), h.GetProperty("sort").Clone()))
            .ToList();
        var latest = root.TryGetProperty("pit_id", out var id) && id.GetString() is { Length: > 0 } value ? value : pitId;
        return (latest, hits);
    }

    /// <summary>Closes even when the caller cancelled (with its own short deadline); a PIT left open expires after its keep-alive anyway.</summary>
    private async Task CloseAsync(string pitId)
    {
        var (path, body) = ("_pit", new JsonObject { ["id"] = pitId });
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            var request = EsRequest.Json(HttpMethod.Delete, path, "close_point_in_time", Encoding.UTF8.GetBytes(body.ToJsonString())) with { Accepted = Missing, MaxRetries = 1 };
            await client.SendAsync(request, deadline.Token);
        }
        catch (Exception ex) when (ex is ElasticsearchException or OperationCanceledException)
        {
            logger.LogWarning("Could not close a point in time; it expires on its own: {Error}", ex.Message);
        }
    }
}
