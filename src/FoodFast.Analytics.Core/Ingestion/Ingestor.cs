using FoodFast.Analytics.Core.Ingestion.Validation;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Core.Ingestion;

/// <summary>
/// What the ingestion endpoints call: append validated items to the log (durable before the caller answers
/// 202) and, for <c>?wait=true</c>, wait until they have left the log for the store.
/// </summary>
public sealed class Ingestor(IIngestLog log, IndexerSignal signal, IngestionMetrics metrics, IOptions<IngestionOptions> options, TimeProvider time)
{
    public IngestionOptions Options { get; } = options.Value;

    public ValidationRules Rules()
    {
        var now = time.GetUtcNow();
        return new ValidationRules(now, TimeSpan.FromSeconds(Options.MaxClockSkewSeconds), now.AddDays(-Options.HorizonDays));
    }

    public void CountRejected(int count) => metrics.Rejected(count);

    /// <summary>Appends the entries; with <paramref name="wait"/>, returns whether they reached the store before the timeout.</summary>
    public async Task<bool?> IngestAsync(IReadOnlyList<IngestEntry> entries, bool wait, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return wait ? true : null;
        }
        var ids = await log.AppendAsync(entries, cancellationToken);
        metrics.Accepted(ids.Count);
        signal.Kick();
        return wait ? await WaitIndexedAsync(ids, cancellationToken) : null;
    }

    /// <summary>Waits until none of the ids is left in the log (landed or dead-lettered), or the wait timeout.</summary>
    public async Task<bool> WaitIndexedAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
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
}
