using System.Text.Json;
using FoodFast.Analytics.Core.Wire;
using FoodFast.Analytics.SampleData.Generation;

namespace FoodFast.Analytics.SampleData.Output;

/// <summary>Writes <c>orders.ndjson</c> and <c>events.ndjson</c> into a folder: one JSON document a line, in generation order.</summary>
public sealed class FileTarget : ISampleTarget
{
    public const string OrdersFile = "orders.ndjson";
    public const string EventsFile = "events.ndjson";
    private readonly Utf8JsonWriter orders;
    private readonly Utf8JsonWriter events;
    private readonly Stream ordersStream;
    private readonly Stream eventsStream;

    public FileTarget(string folder)
    {
        Directory.CreateDirectory(folder);
        ordersStream = Open(Path.Combine(folder, OrdersFile));
        eventsStream = Open(Path.Combine(folder, EventsFile));
        orders = new Utf8JsonWriter(ordersStream, new JsonWriterOptions { SkipValidation = true });
        events = new Utf8JsonWriter(eventsStream, new JsonWriterOptions { SkipValidation = true });
    }

    public ValueTask WriteAsync(GeneratedItem item, CancellationToken cancellationToken)
    {
        if (item.Order is { } order)
        {
            WriteLine(orders, ordersStream, order);
        }
        else
        {
            WriteLine(events, eventsStream, item.Event);
        }
        return ValueTask.CompletedTask;
    }

    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        await ordersStream.FlushAsync(cancellationToken);
        await eventsStream.FlushAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await orders.DisposeAsync();
        await events.DisposeAsync();
        await ordersStream.DisposeAsync();
        await eventsStream.DisposeAsync();
    }

    private static void WriteLine<T>(Utf8JsonWriter writer, Stream stream, T value)
    {
        JsonSerializer.Serialize(writer, value, WireJson.Options);
        writer.Flush();
        writer.Reset();
        stream.WriteByte((byte)'\n');
    }

    private static FileStream Open(string path) =>
        new(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 1 << 20);
}
