using System.Text.Json;
using FoodFast.Analytics.Elasticsearch.Connection;

namespace FoodFast.Analytics.Elasticsearch.Sink;

/// <summary>
/// Reads a <c>_bulk</c> answer into one status per action, in request order (§2.4). Each item is judged by its own
/// <c>status</c>, never by the top-level <c>errors</c> flag; an answer whose item count differs from the actions sent
/// cannot be paired by position and is an error.
/// </summary>
public static class BulkResponseReader
{
    public static IReadOnlyList<BulkItemStatus> Read(byte[] body, int expectedActions)
    {
        BulkResponse? response;
        try
        {
            response = JsonSerializer.Deserialize(body, EsJson.Default.BulkResponse);
        }
        catch (JsonException ex)
        {
            throw new ElasticsearchException("bulk", 200, null, $"unreadable bulk response: {ex.Message}", ex);
        }
        var items = response?.Items ?? [];
        if (items.Count != expectedActions)
        {
            throw new ElasticsearchException("bulk", 200, null, $"the bulk response has {items.Count} items for {expectedActions} actions");
        }
        return items.Select(Status).ToList();
    }

    private static BulkItemStatus Status(Dictionary<string, BulkItemResult> item)
    {
        if (item.Count != 1)
        {
            throw new ElasticsearchException("bulk", 200, null, $"a bulk response item has {item.Count} actions instead of one");
        }
        var result = item.Values.First();
        if (result.Error is not { } error)
        {
            return new BulkItemStatus(result.Status);
        }
        var (type, reason) = ErrorBody.Read(error);
        return new BulkItemStatus(result.Status, type, reason);
    }
}
