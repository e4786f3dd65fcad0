using System.Diagnostics;
using FoodFast.Analytics.Core.Observability;
using FoodFast.Analytics.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Core.Ingestion;

/// <summary>
/// Drains the ingest log into the analytics store in large batches. Each item is settled by its own outcome:
/// landed items leave the log, transient refusals are retried with backoff (dead-lettered after
/// <see cref="IngestionOptions.MaxAttempts"/>), permanent ones are dead-lettered with the reason. When the
/// whole store is unreachable nothing is counted against the items: the claim is released and the indexer
/// backs off until the store answers again, so an outage loses nothing.
/// </summary>
public sealed class Indexer(
    IIngestLog log,
    IAnalyticsStore store,
    IStorageReadiness readiness,
    IndexerSignal signal,
    IngestionMetrics metrics,
    FoodFastMetrics meters,
    IOptions<IngestionOptions> options,
    ILogger<Indexer> logger) : BackgroundService
{
    private static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(250);
    private readonly IngestionOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.IndexerEnabled)
        {
            return;
        }
        await readiness.Ready.WaitAsync(stoppingToken);
        await Task.WhenAll(Enumerable.Range(0, _options.IndexerWorkers).Select(_ => WorkAsync(stoppingToken)));
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var moved = await RunOnceAsync(stoppingToken);
                failures = 0;
                if (moved == 0)
                {
                    await signal.WaitForWorkAsync(IdlePoll, stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                meters.IndexerFailed();
                if (ex is Storage.DependencyFailedException failed)
                {
                    meters.DependencyError(failed.Dependency);
                }
                var delay = RetryDelay.For(failures++, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(30));
                logger.LogWarning("Indexer: store or log unavailable ({Error}); retrying in {Delay:0.0} s", ex.Message, delay.TotalSeconds);
                await Task.Delay(delay, stoppingToken);
            }
        }
    }

    /// <summary>Moves one batch; returns how many entries were settled (0 when nothing was due).</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var claim = await log.ClaimAsync(_options.IndexerBatchSize, cancellationToken);
        if (claim is null)
        {
            return 0;
        }
        var clock = Stopwatch.StartNew();
        var entries = claim.Entries;
        var settlements = new Settlement?[entries.Count];
        var items = new List<SinkItem>(entries.Count);
        var positions = new List<int>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            try
            {
                items.Add(IngestEntry.ToSinkItem(entries[i].Kind, entries[i].Payload));
                positions.Add(i);
            }
            catch (System.Text.Json.JsonException ex)
            {
                settlements[i] = new Settlement(entries[i].Id, SettlementKind.DeadLetter, $"unreadable payload: {ex.Message}");
            }
        }
        var outcomes = await store.Sink.WriteAsync(items, cancellationToken);
        for (var k = 0; k < positions.Count; k++)
        {
            var entry = entries[positions[k]];
            settlements[positions[k]] = Settle(entry, outcomes[k]);
        }
        var settled = settlements.Select(s => s!).ToList();
        await claim.SettleAsync(settled, cancellationToken);
        var indexed = settled.Count(s => s.Kind == SettlementKind.Done);
        var deadLettered = settled.Count(s => s.Kind == SettlementKind.DeadLetter);
        metrics.Indexed(indexed);
        metrics.DeadLettered(deadLettered);
        meters.IndexerBatch(settled.Count, clock.Elapsed, indexed, settled.Count - indexed - deadLettered, deadLettered);
        signal.BatchSettled();
        return settled.Count;
    }

    private Settlement Settle(ClaimedEntry entry, SinkOutcome outcome) => outcome.Kind switch
    {
        SinkOutcomeKind.Landed => new Settlement(entry.Id, SettlementKind.Done),
        SinkOutcomeKind.Retry when entry.Attempts + 1 < _options.MaxAttempts => new Settlement(entry.Id, SettlementKind.Postpone, outcome.Reason,
            RetryDelay.For(entry.Attempts, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10))),
        SinkOutcomeKind.Retry => new Settlement(entry.Id, SettlementKind.DeadLetter, $"gave up after {entry.Attempts + 1} attempts: {outcome.Reason}"),
        _ => new Settlement(entry.Id, SettlementKind.DeadLetter, outcome.Reason),
    };
}
