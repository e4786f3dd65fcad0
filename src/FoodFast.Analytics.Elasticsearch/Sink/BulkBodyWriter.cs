using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Elasticsearch.Connection;
using FoodFast.Analytics.Elasticsearch.Documents;
using FoodFast.Analytics.Elasticsearch.Indices;

namespace FoodFast.Analytics.Elasticsearch.Sink;

/// <summary>
/// Turns a batch into <c>_bulk</c> NDJSON (§2.1): compact JSON, one value per line, every line ending in <c>\n</c>
/// (including the last). Orders and their lines are <c>index</c> with <c>version</c> = <c>updated_at</c> in epoch ms and
/// <c>version_type=external_gte</c>, so an older copy never overwrites a newer one; events are <c>create</c> with
/// <c>_id</c> = event id, so a retry is a 409. An item's actions stay together in one chunk; chunks stay under
/// <c>maxBytes</c> unless one item alone is larger.
/// </summary>
public sealed class BulkBodyWriter(IndexNames names)
{
    private const string ExternalGte = "external_gte";

    public IReadOnlyList<BulkChunk> Write(IReadOnlyList<SinkItem> batch, int maxBytes)
    {
        var chunks = new List<BulkChunk>();
        var buffer = new ArrayBufferWriter<byte>();
        var owners = new List<int>();
        using var writer = new Utf8JsonWriter(buffer);
        for (var position = 0; position < batch.Count; position++)
        {
            var before = buffer.WrittenCount;
            var actions = WriteItem(writer, buffer, batch[position]);
            if (owners.Count > 0 && buffer.WrittenCount > maxBytes)
            {
                // This item overflowed the chunk: close the chunk before it and start the next one with it.
                var item = buffer.WrittenSpan[before..].ToArray();
                chunks.Add(new BulkChunk(buffer.WrittenSpan[..before].ToArray(), owners));
                buffer.ResetWrittenCount();
                buffer.Write(item);
                owners = [];
            }
            owners.AddRange(Enumerable.Repeat(position, actions));
        }
        if (owners.Count > 0)
        {
            chunks.Add(new BulkChunk(buffer.WrittenSpan.ToArray(), owners));
        }
        return chunks;
    }

    /// <summary>Writes the item's action and source lines; answers how many actions it wrote (0 for an empty item).</summary>
    private int WriteItem(Utf8JsonWriter writer, ArrayBufferWriter<byte> buffer, SinkItem item)
    {
        if (item.Order is { } order)
        {
            var version = order.UpdatedAt.ToUnixTimeMilliseconds();
            var orderIndex = names.Orders.WriteTarget(order.CreatedAt);
            Line(writer, buffer, new BulkActionLine { Index = new BulkTarget(orderIndex, IndexNames.OrderId(order.ShopId, order.OrderId)) { Version = version, VersionType = ExternalGte } }, EsJson.Default.BulkActionLine);
            Line(writer, buffer, DocumentMapper.ToDocument(order), EsJson.Default.OrderDocument);
            var lineIndex = names.OrderLines.WriteTarget(order.CreatedAt);
            var lines = DocumentMapper.ToLineDocuments(order);
            foreach (var line in lines)
            {
                var id = IndexNames.LineId(order.ShopId, order.OrderId, line.LineNo);
                Line(writer, buffer, new BulkActionLine { Index = new BulkTarget(lineIndex, id) { Version = version, VersionType = ExternalGte } }, EsJson.Default.BulkActionLine);
                Line(writer, buffer, line, EsJson.Default.OrderLineDocument);
            }
            return 1 + lines.Count;
        }
        if (item.Event is { } activity)
        {
            var target = names.Events.WriteTarget(activity.OccurredAt);
            Line(writer, buffer, new BulkActionLine { Create = new BulkTarget(target, activity.EventId.ToString("D")) }, EsJson.Default.BulkActionLine);
            Line(writer, buffer, DocumentMapper.ToDocument(activity), EsJson.Default.EventDocument);
            return 1;
        }
        return 0;
    }

    private static void Line<T>(Utf8JsonWriter writer, ArrayBufferWriter<byte> buffer, T value, JsonTypeInfo<T> type)
    {
        JsonSerializer.Serialize(writer, value, type);
        writer.Flush();
        writer.Reset();
        buffer.Write("\n"u8);
    }
}
