using System.Buffers;
using System.Text.Json;
using FoodFast.Analytics.Core.Wire;

namespace FoodFast.Analytics.SampleData.Output;

/// <summary>
/// Items serialised with the wire conventions (<see cref="WireJson"/>), one after another, remembering
/// where each starts so a batch can be cut into smaller ones (after a 413) without serialising again.
/// </summary>
public sealed class ItemBuffer
{
    private readonly ArrayBufferWriter<byte> bytes = new(1 << 16);
    private readonly List<int> starts = [];
    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true };

    public int Count => starts.Count;

    public void Add<T>(T item)
    {
        starts.Add(bytes.WrittenCount);
        using var writer = new Utf8JsonWriter(bytes, WriterOptions);
        JsonSerializer.Serialize(writer, item, WireJson.Options);
    }

    public ReadOnlySpan<byte> Item(int index) =>
        bytes.WrittenSpan[starts[index]..(index + 1 < starts.Count ? starts[index + 1] : bytes.WrittenCount)];

    /// <summary>Items [start, start + count) as a JSON array or as NDJSON (one item a line).</summary>
    public byte[] Body(int start, int count, bool ndjson)
    {
        var body = new ArrayBufferWriter<byte>();
        if (!ndjson)
        {
            body.Write("["u8);
        }
        for (var i = start; i < start + count; i++)
        {
            if (!ndjson && i > start)
            {
                body.Write(","u8);
            }
            body.Write(Item(i));
            if (ndjson)
            {
                body.Write("\n"u8);
            }
        }
        if (!ndjson)
        {
            body.Write("]"u8);
        }
        return body.WrittenSpan.ToArray();
    }
}
