using System.Diagnostics;
using System.Diagnostics.Metrics;
using FoodFast.Analytics.Core.Ingestion;

namespace FoodFast.Analytics.Core.Observability;

/// <summary>
/// The service's instruments, on one meter per host (made by the host's <see cref="IMeterFactory"/>, so two hosts in
/// one process never mix their figures). Every tag value is drawn from a short fixed list or a route template:
/// nothing a client sends becomes a label. <c>GET /metrics</c> exposes them in the Prometheus text format
/// (names in the README, "Metrics").
/// </summary>
public sealed class FoodFastMetrics
{
    public const string MeterName = "FoodFast.Analytics";

    private static readonly double[] SecondsBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
    private static readonly double[] ItemBuckets = [1, 10, 50, 100, 500, 1000, 2500, 5000, 10000];

    private readonly Counter<long> _httpRequests;
    private readonly Histogram<double> _httpDuration;
    private readonly Counter<long> _ingestItems;
    private readonly Histogram<double> _batchSize;
    private readonly Histogram<double> _batchDuration;
    private readonly Counter<long> _indexerItems;
    private readonly Counter<long> _indexerFailures;
    private readonly Histogram<double> _storeQueryDuration;
    private readonly Counter<long> _cacheHits;
    private readonly Counter<long> _cacheMisses;
    private readonly Counter<long> _reportJobs;
    private readonly Histogram<double> _reportDuration;
    private readonly Counter<long> _liveDropped;
    private readonly Histogram<double> _liveSendDelay;
    private readonly Counter<long> _dependencyErrors;
    private readonly Counter<long> _credentialFailures;
    private readonly TimeProvider _time;
    private IngestLogStats? _ingestLog;
    private Func<int>? _liveConnections;

    public FoodFastMetrics(IMeterFactory meters, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        Meter = meters.Create(MeterName);
        _httpRequests = Meter.CreateCounter<long>("foodfast.http.server.requests", null, "HTTP requests answered, by route template, method and status.");
        _httpDuration = Seconds("foodfast.http.server.request.duration", "Time to answer an HTTP request, by route template, method and status.");
        _ingestItems = Meter.CreateCounter<long>("foodfast.ingest.items", null, "Items received by the ingestion endpoints, by kind (orders, events) and outcome (accepted, rejected; stored: of the accepted, those written through to the store at once).");
        Meter.CreateObservableGauge("foodfast.ingest.log.depth", () => Gauge(s => s.Pending), null, "Entries waiting in the ingest log for the indexer.");
        Meter.CreateObservableGauge("foodfast.ingest.log.oldest.age", OldestAge, "s", "Age of the oldest entry waiting in the ingest log (0 when empty).");
        Meter.CreateObservableGauge("foodfast.ingest.dead_letters", () => Gauge(s => s.DeadLetters), null, "Entries parked in the dead-letter table.");
        _batchSize = Meter.CreateHistogram("foodfast.indexer.batch.size", null, "Entries per indexer batch.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = ItemBuckets });
        _batchDuration = Seconds("foodfast.indexer.batch.duration", "Time to move one batch from the ingest log into the store.");
        _indexerItems = Meter.CreateCounter<long>("foodfast.indexer.items", null, "Entries settled by the indexer, by outcome (indexed, retried, dead_lettered).");
        _indexerFailures = Meter.CreateCounter<long>("foodfast.indexer.failures", null, "Indexer batches that failed because the store or the ingest log was unavailable.");
        _storeQueryDuration = Seconds("foodfast.store.query.duration", "Analytics store query time, by family (aggregate, funnel, retention, segments, stock, search) and outcome.");
        _cacheHits = Meter.CreateCounter<long>("foodfast.cache.hits", null, "Query results served from the cache.");
        _cacheMisses = Meter.CreateCounter<long>("foodfast.cache.misses", null, "Query results not in the cache (computed by the store).");
        _reportJobs = Meter.CreateCounter<long>("foodfast.report.jobs", null, "Report runs finished, by status (succeeded, failed, cancelled) and format.");
        _reportDuration = Seconds("foodfast.report.job.duration", "Time a report run took, by status and format.");
        Meter.CreateObservableGauge("foodfast.live.connections", LiveConnections, null, "Live-feed clients (WebSocket and SSE) connected to this instance now.");
        _liveDropped = Meter.CreateCounter<long>("foodfast.live.dropped_clients", null, "Live-feed clients disconnected for being too slow.");
        _liveSendDelay = Seconds("foodfast.live.send.delay",
            "Time the oldest message of a live-feed write waited on this instance, from the hub receiving it to its write to the client starting.");
        _dependencyErrors = Meter.CreateCounter<long>("foodfast.dependency.errors", null, "Errors talking to a dependency, by dependency (postgres, redis).");
        _credentialFailures = Meter.CreateCounter<long>("foodfast.auth.failures", null, "Requests whose credential was refused (unknown, expired or revoked key; bad token).");
    }

    public Meter Meter { get; }

    public void HttpRequest(string method, string route, int status, TimeSpan elapsed)
    {
        var tags = new TagList { { "method", method }, { "route", route }, { "status", Status(status) } };
        _httpRequests.Add(1, tags);
        _httpDuration.Record(elapsed.TotalSeconds, tags);
    }

    public void Ingested(IngestKind kind, string outcome, int count)
    {
        if (count > 0)
        {
            _ingestItems.Add(count, new("kind", KindLabel(kind)), new("outcome", outcome));
        }
    }

    /// <summary>Fed by <see cref="IngestLogSampler"/> before each scrape; null while the log cannot be read.</summary>
    public void IngestLog(IngestLogStats? stats) => _ingestLog = stats;

    public void IndexerBatch(int size, TimeSpan elapsed, int indexed, int retried, int deadLettered)
    {
        _batchSize.Record(size);
        _batchDuration.Record(elapsed.TotalSeconds);
        IndexerItems("indexed", indexed);
        IndexerItems("retried", retried);
        IndexerItems("dead_lettered", deadLettered);
    }

    public void IndexerFailed() => _indexerFailures.Add(1);

    public void StoreQuery(string family, TimeSpan elapsed, bool failed) =>
        _storeQueryDuration.Record(elapsed.TotalSeconds, new("family", family), new("outcome", failed ? "failed" : "ok"));

    public void CacheLookup(bool hit) => (hit ? _cacheHits : _cacheMisses).Add(1);

    public void ReportJob(string status, string format, TimeSpan elapsed)
    {
        var tags = new TagList { { "status", status }, { "format", format } };
        _reportJobs.Add(1, tags);
        _reportDuration.Record(elapsed.TotalSeconds, tags);
    }

    /// <summary>The live hub reports its client count through this.</summary>
    public void ObserveLiveConnections(Func<int> count) => _liveConnections = count;

    public void LiveClientDropped() => _liveDropped.Add(1);

    public void LiveSendDelay(TimeSpan waited) => _liveSendDelay.Record(waited.TotalSeconds);

    public void DependencyError(string dependency) => _dependencyErrors.Add(1, new KeyValuePair<string, object?>("dependency", dependency));

    public void CredentialRefused() => _credentialFailures.Add(1);

    private Histogram<double> Seconds(string name, string description) =>
        Meter.CreateHistogram(name, "s", description, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });

    private void IndexerItems(string outcome, int count)
    {
        if (count > 0)
        {
            _indexerItems.Add(count, new KeyValuePair<string, object?>("outcome", outcome));
        }
    }

    private IEnumerable<Measurement<long>> Gauge(Func<IngestLogStats, long> value) =>
        _ingestLog is { } stats ? [new Measurement<long>(value(stats))] : [];

    private IEnumerable<Measurement<double>> OldestAge() => _ingestLog is { } stats
        ? [new Measurement<double>(stats.OldestPendingAt is { } oldest ? Math.Max(0, (_time.GetUtcNow() - oldest).TotalSeconds) : 0)]
        : [];

    private IEnumerable<Measurement<long>> LiveConnections() => _liveConnections is { } count ? [new Measurement<long>(count())] : [];

    private static string KindLabel(IngestKind kind) => kind == IngestKind.Event ? "events" : "orders";

    /// <summary>Codes are a bounded set already; anything odd is folded into its class.</summary>
    private static string Status(int status) => status is >= 100 and < 600 ? status.ToString(System.Globalization.CultureInfo.InvariantCulture) : "other";
}
