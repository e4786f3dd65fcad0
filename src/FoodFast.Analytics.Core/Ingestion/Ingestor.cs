using FoodFast.Analytics.Core.Ingestion.Validation;
using FoodFast.Analytics.Core.Observability;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Core.Ingestion;

/// <summary>
/// What the ingestion endpoints call: append validated items to the log (durable before the caller answers
/// 202; a write-through store takes them in the same transaction) and, for <c>?wait=true</c>, wait until those
/// left in the log have moved to the store.
/// </summary>
public sealed class Ingestor(
    IIngestLog log, IndexerSignal signal, IngestionMetrics metrics, FoodFastMetrics meters, IOptions<IngestionOptions> options, TimeProvider time,
    IEnumerable<IIngestionObserver>? observers = null, ILogger<Ingestor>? logger = null) : IDisposable
{
    private readonly ObserverQueue[] _observers = observers?.Select(o => new ObserverQueue(o, logger)).ToArray() ?? [];

    public IngestionOptions Options { get; } = options.Value;

    public ValidationRules Rules()
    {
        var now = time.GetUtcNow();
        return new ValidationRules(now, TimeSpan.FromSeconds(Options.MaxClockSkewSeconds), now.AddDays(-Options.HorizonDays))
        {
            MaxLinesPerOrder = Options.MaxLinesPerOrder, MaxPropertyKeys = Options.MaxPropertyKeys,
        };
    }

    public void CountRejected(IngestKind kind, int count)
    {
        metrics.Rejected(count);
        meters.Ingested(kind, "rejected", count);
    }

    /// <summary>Appends the entries; with <paramref name="wait"/>, returns whether they reached the store before the timeout.</summary>
    public async Task<bool?> IngestAsync(IReadOnlyList<IngestEntry> entries, bool wait, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return wait ? true : null;
        }
        Appended appended;
        try
        {
            appended = await log.AppendAsync(entries, cancellationToken);
        }
        catch (Storage.DependencyFailedException failed)
        {
            meters.DependencyError(failed.Dependency);
            throw;
        }
        var stored = Enumerable.Range(0, entries.Count).Where(appended.IsStored).Select(i => entries[i]).ToList();
        metrics.Accepted(entries.Count);
        metrics.Indexed(stored.Count);
        foreach (var kind in entries.GroupBy(e => e.Kind))
        {
            meters.Ingested(kind.Key, "accepted", kind.Count());
        }
        foreach (var kind in stored.GroupBy(e => e.Kind))
        {
            meters.Ingested(kind.Key, "stored", kind.Count());
        }
        var logged = appended.LoggedIds;
        if (logged.Count > 0)
        {
            signal.Kick();
        }
        Notify(entries);
        return wait ? await WaitIndexedAsync(logged, cancellationToken) : null;
    }

    /// <summary>Fire-and-forget: the producer's 202 never waits for, nor fails with, an observer.</summary>
    private void Notify(IReadOnlyList<IngestEntry> entries)
    {
        foreach (var observer in _observers)
        {
            observer.Post(entries);
        }
    }

    /// <summary>Waits until none of the ids is left in the log (landed or dead-lettered), or the wait timeout.</summary>
    public async Task<bool> WaitIndexedAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return true;
        }
        var deadline = time.GetUtcNow().AddSeconds(Options.WaitTimeoutSeconds);
        while (true)
        {
            var settled = signal.NextBatchAsync();
            if (await log.CountPendingAsync(ids, cancellationToken) == 0)
            {
                return true;
            }
            if (time.GetUtcNow() >= deadline)
            {
                return false;
            }
            signal.Kick();
            // Another instance's indexer may settle them: poll as well as listen.
            await Task.WhenAny(settled, Task.Delay(100, cancellationToken));
        }
    }

    public void Dispose()
    {
        foreach (var observer in _observers)
        {
            observer.Dispose();
        }
    }
}
