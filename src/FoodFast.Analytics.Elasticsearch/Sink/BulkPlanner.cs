using System.Text.Json;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Bulk;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Elasticsearch.Connection;
using FoodFast.Analytics.Elasticsearch.Documents;
using FoodFast.Analytics.Elasticsearch.Indices;

namespace FoodFast.Analytics.Elasticsearch.Sink;

/// <summary>
/// Turns a batch into typed <c>_bulk</c> actions. Orders and their lines are <c>index</c> with <c>version</c> =
/// <c>updated_at</c> in epoch ms and <c>version_type=external_gte</c>, so an older copy never overwrites a newer one.
/// Lines the stored version has beyond the new count are deleted by id in the same request, versioned the same way,
/// so a newer line is never deleted. An order whose stored version is newer writes nothing (it is already superseded).
/// Events are <c>create</c> into the data stream with <c>_id</c> = <c>shop id:event id</c>, so a retry is a 409.
/// Chunks stay under <c>maxBytes</c> unless one item alone is larger; an item is never split.
/// </summary>
public sealed class BulkPlanner(IndexNames names)
{
    /// <summary>Action metadata (<c>{"index":{"_index":…,"_id":…,"version":…}}</c>) is at most this long.</summary>
    private const int ActionLineBytes = 300;

    public IReadOnlyList<BulkChunk> Plan(IReadOnlyList<SinkItem> batch, IReadOnlyDictionary<string, StoredOrder> stored, int maxBytes)
    {
        var chunks = new List<BulkChunk>();
        var current = new List<ItemActions>();
        var bytes = 0;
        for (var position = 0; position < batch.Count; position++)
        {
            var item = Actions(position, batch[position], stored);
            if (item.Operations.Count == 0)
            {
                continue;
            }
            if (current.Count > 0 && bytes + item.Bytes > maxBytes)
            {
                chunks.Add(new BulkChunk(current));
                current = [];
                bytes = 0;
            }
            current.Add(item);
            bytes += item.Bytes;
        }
        if (current.Count > 0)
        {
            chunks.Add(new BulkChunk(current));
        }
        return chunks;
    }

    /// <summary>An order whose stored version is newer than its own (a 409 waiting to happen): nothing to write.</summary>
    public static bool IsSuperseded(SinkItem item, IReadOnlyDictionary<string, StoredOrder> stored) =>
        item.Order is { } order && stored.TryGetValue(IndexNames.OrderId(order.ShopId, order.OrderId), out var current)
        && current.Version > order.UpdatedAt.ToUnixTimeMilliseconds();

    private ItemActions Actions(int position, SinkItem item, IReadOnlyDictionary<string, StoredOrder> stored)
    {
        var operations = new List<BulkOperation>();
        var bytes = 0;
        if (item.Order is { } order && !IsSuperseded(item, stored))
        {
            var version = order.UpdatedAt.ToUnixTimeMilliseconds();
            var document = DocumentMapper.ToDocument(order);
            operations.Add(Versioned(new BulkIndexOperation<OrderDocument>(document, names.Orders.WriteTarget(order.CreatedAt)) { Id = IndexNames.OrderId(order.ShopId, order.OrderId) }, version));
            bytes += Size(document, EsJson.Default.OrderDocument);
            var lineIndex = names.OrderLines.WriteTarget(order.CreatedAt);
            var lines = DocumentMapper.ToLineDocuments(order);
            foreach (var line in lines)
            {
                operations.Add(Versioned(new BulkIndexOperation<OrderLineDocument>(line, lineIndex) { Id = IndexNames.LineId(order.ShopId, order.OrderId, line.LineNo) }, version));
                bytes += Size(line, EsJson.Default.OrderLineDocument);
            }
            var storedLines = stored.TryGetValue(IndexNames.OrderId(order.ShopId, order.OrderId), out var current) ? current.LineCount : 0;
            for (var lineNo = lines.Count + 1; lineNo <= storedLines; lineNo++)
            {
                operations.Add(Versioned(new BulkDeleteOperation(IndexNames.LineId(order.ShopId, order.OrderId, lineNo)) { Index = lineIndex }, version));
            }
        }
        else if (item.Event is { } activity)
        {
            var document = DocumentMapper.ToDocument(activity);
            operations.Add(new BulkCreateOperation<EventDocument>(document, names.Events.WriteTarget(activity.OccurredAt)) { Id = IndexNames.EventId(activity.ShopId, activity.EventId) });
            bytes += Size(document, EsJson.Default.EventDocument);
        }
        return new ItemActions(position, operations, bytes + (operations.Count * ActionLineBytes));
    }

    private static T Versioned<T>(T operation, long version)
        where T : BulkOperation
    {
        operation.Version = version;
        operation.VersionType = VersionType.ExternalGte;
        return operation;
    }

    private static int Size<T>(T document, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        JsonSerializer.SerializeToUtf8Bytes(document, type).Length;
}
