using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using FoodFast.Analytics.Api.Ingestion;
using FoodFast.Analytics.Core.Events;
using FoodFast.Analytics.Core.Ingestion;
using FoodFast.Analytics.Core.Ingestion.Validation;
using FoodFast.Analytics.Core.Wire;

namespace FoodFast.Analytics.Bench.Paths;

/// <summary>
/// The API's CPU work for one NDJSON batch of 1,000 events, without HTTP and Postgres, step by step: split and parse
/// the body, validate each item, encode the log payload, decode a payload (the indexer), and the whole accept path.
/// </summary>
[MemoryDiagnoser]
public class BatchAcceptBenchmarks
{
    private byte[] _body = [];
    private ValidationRules _rules = null!;
    private IngestionBody.Items _items = null!;
    private List<ActivityEvent> _events = [];
    private List<IngestEntry> _entries = [];

    [GlobalSetup]
    public void Setup()
    {
        var body = new StringBuilder();
        for (var i = 0; i < 1000; i++)
        {
            body.Append(JsonSerializer.Serialize(EventLoad.Event(i), WireJson.Options)).Append('\n');
        }
        _body = Encoding.UTF8.GetBytes(body.ToString());
        var now = DateTimeOffset.UtcNow;
        _rules = new ValidationRules(now, TimeSpan.FromMinutes(5), now.AddYears(-10));
        _items = IngestionBody.ParseNdJson(_body);
        _events = _items.Elements.Select(e => EventReader.Read(e!.Value, _rules, [])!).ToList();
        _entries = _events.Select(IngestEntry.Of).ToList();
    }

    [GlobalCleanup]
    public void Cleanup() => _items.Dispose();

    [Benchmark(Description = "parse NDJSON")]
    public int Parse()
    {
        using var items = IngestionBody.ParseNdJson(_body);
        return items.Elements.Count;
    }

    [Benchmark(Description = "validate")]
    public int Validate()
    {
        var count = 0;
        foreach (var element in _items.Elements)
        {
            count += EventReader.Read(element!.Value, _rules, []) is null ? 0 : 1;
        }
        return count;
    }

    [Benchmark(Description = "encode payload")]
    public int Encode()
    {
        var bytes = 0;
        foreach (var activity in _events)
        {
            bytes += IngestEntry.Of(activity).Payload.Length;
        }
        return bytes;
    }

    [Benchmark(Description = "decode payload (indexer)")]
    public int Decode()
    {
        var count = 0;
        foreach (var entry in _entries)
        {
            count += IngestEntry.ToSinkItem(entry.Kind, entry.Payload).Event is null ? 0 : 1;
        }
        return count;
    }

    /// <summary>The accept path as it was: the live observer decoded every payload it had just been given.</summary>
    [Benchmark(Baseline = true, Description = "accept, observer decoding the payload (before)")]
    public int AcceptDecoding()
    {
        using var items = IngestionBody.ParseNdJson(_body);
        var count = 0;
        foreach (var element in items.Elements)
        {
            if (IngestionHandler.Events(element!.Value, _rules, []) is { } entry)
            {
                count += IngestEntry.ToSinkItem(entry.Kind, entry.Payload).Event is null ? 0 : 1;
            }
        }
        return count;
    }

    [Benchmark(Description = "accept, observer reading the kept item (after)")]
    public int Accept()
    {
        using var items = IngestionBody.ParseNdJson(_body);
        var count = 0;
        foreach (var element in items.Elements)
        {
            if (IngestionHandler.Events(element!.Value, _rules, []) is { } entry)
            {
                count += entry.Item.Event is null ? 0 : 1;
            }
        }
        return count;
    }
}
