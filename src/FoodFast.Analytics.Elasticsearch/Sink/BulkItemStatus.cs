using Elastic.Clients.Elasticsearch;
using FoodFast.Analytics.Elasticsearch.Connection;

namespace FoodFast.Analytics.Elasticsearch.Sink;

/// <summary>What ES said about one action: its own status, and <c>error.type</c>/<c>error.reason</c> when it failed.</summary>
public sealed record BulkItemStatus(int Status, string? ErrorType = null, string? Reason = null)
{
    /// <summary>
    /// One status per action, in request order. Each item is judged by its own <c>status</c>, never by the top-level
    /// <c>errors</c> flag; an answer whose item count differs from the actions sent cannot be paired and is an error.
    /// A delete answered 404 found nothing to delete: the line is gone, which is what it was for.
    /// </summary>
    public static IReadOnlyList<BulkItemStatus> Read(BulkResponse response, int expectedActions)
    {
        var items = response.Items ?? [];
        if (items.Count != expectedActions)
        {
            throw new ElasticsearchException("bulk", response.ApiCallDetails.HttpStatusCode, null, $"the bulk response has {items.Count} items for {expectedActions} actions");
        }
        return items.Select(i => i.Operation == "delete" && i.Status == 404
                ? new BulkItemStatus(200)
                : new BulkItemStatus(i.Status, i.Error?.Type, ReasonOf(i.Error)))
            .ToList();
    }

    private static string? ReasonOf(ErrorCause? error) =>
        error?.CausedBy?.Reason is { } inner ? $"{error.Reason} (caused by: {inner})" : error?.Reason;
}
