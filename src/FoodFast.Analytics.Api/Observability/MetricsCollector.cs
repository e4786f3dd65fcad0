using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using FoodFast.Analytics.Core.Observability;

namespace FoodFast.Analytics.Api.Observability;

/// <summary>
/// Listens to this host's <see cref="FoodFastMetrics"/> meter (and no other: two hosts in one process keep their
/// figures apart) and keeps, per instrument and tag set, a running sum (counters), a last value (gauges) or
/// cumulative buckets (histograms), the way Prometheus expects them.
/// </summary>
public sealed class MetricsCollector : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, InstrumentSeries> _instruments = new();

    public MetricsCollector(FoodFastMetrics metrics)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, metrics.Meter))
            {
                _instruments[instrument] = new InstrumentSeries(instrument);
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>Runs the observable instruments' callbacks, then returns every instrument's series.</summary>
    public IReadOnlyList<InstrumentSeries> Collect()
    {
        lock (_listener)
        {
            // An observable gauge that reports nothing this time (its source is unreadable) must not repeat a stale value.
            foreach (var observed in _instruments.Values.Where(i => i.Instrument.IsObservable))
            {
                observed.Clear();
            }
            _listener.RecordObservableInstruments();
            return [.. _instruments.Values.OrderBy(i => i.Instrument.Name, StringComparer.Ordinal)];
        }
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (_instruments.TryGetValue(instrument, out var series))
        {
            series.Record(value, tags);
        }
    }
}

/// <summary>One instrument's series, keyed by their labels (sorted by name).</summary>
public sealed class InstrumentSeries(Instrument instrument)
{
    private readonly ConcurrentDictionary<string, Series> _series = new(StringComparer.Ordinal);

    public Instrument Instrument { get; } = instrument;

    public MetricKind Kind { get; } = instrument switch
    {
        Counter<long> or Counter<double> or ObservableCounter<long> or ObservableCounter<double> => MetricKind.Counter,
        Histogram<double> or Histogram<long> => MetricKind.Histogram,
        _ => MetricKind.Gauge,
    };

    /// <summary>Upper bounds of the histogram buckets (from the instrument's advice), without +Inf.</summary>
    public IReadOnlyList<double> Bounds { get; } = (instrument as Histogram<double>)?.Advice?.HistogramBucketBoundaries ?? [];

    public IEnumerable<Series> Series => _series.Values.OrderBy(s => s.Key, StringComparer.Ordinal);

    internal void Clear() => _series.Clear();

    internal void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = new KeyValuePair<string, string>[tags.Length];
        for (var i = 0; i < tags.Length; i++)
        {
            labels[i] = new(tags[i].Key, Convert.ToString(tags[i].Value, System.Globalization.CultureInfo.InvariantCulture) ?? "");
        }
        Array.Sort(labels, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        var key = string.Join('\u0001', labels.Select(l => $"{l.Key}\u0002{l.Value}"));
        var series = _series.GetOrAdd(key, _ => new Series(key, labels, Bounds.Count));
        series.Add(Kind, value, Bounds, observable: Instrument.IsObservable);
    }
}

/// <summary>One label set's figures. Updated under its own lock: a scrape never reads a half-written histogram.</summary>
public sealed class Series(string key, IReadOnlyList<KeyValuePair<string, string>> labels, int bucketCount)
{
    private readonly long[] _buckets = new long[bucketCount + 1];

    public string Key { get; } = key;

    public IReadOnlyList<KeyValuePair<string, string>> Labels { get; } = labels;

    public double Value { get; private set; }

    public long Count { get; private set; }

    /// <summary>A consistent histogram reading: sum, count and cumulative counts per bound, the last one for +Inf.</summary>
    public (double Sum, long Count, long[] Buckets) Snapshot()
    {
        lock (_buckets)
        {
            var cumulative = new long[_buckets.Length];
            long running = 0;
            for (var i = 0; i < _buckets.Length; i++)
            {
                running += _buckets[i];
                cumulative[i] = running;
            }
            return (Value, Count, cumulative);
        }
    }

    internal void Add(MetricKind kind, double value, IReadOnlyList<double> bounds, bool observable)
    {
        lock (_buckets)
        {
            switch (kind)
            {
                case MetricKind.Histogram:
                    var index = 0;
                    while (index < bounds.Count && value > bounds[index])
                    {
                        index++;
                    }
                    _buckets[index]++;
                    Value += value;
                    Count++;
                    break;
                case MetricKind.Gauge when observable:
                case MetricKind.Counter when observable:
                    Value = value; // observable instruments report their current value
                    break;
                default:
                    Value += value; // counters and up-down counters report deltas
                    break;
            }
        }
    }
}

public enum MetricKind
{
    Counter,
    Gauge,
    Histogram,
}
