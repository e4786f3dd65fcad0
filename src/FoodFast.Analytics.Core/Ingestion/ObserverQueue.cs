using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace FoodFast.Analytics.Core.Ingestion;

/// <summary>
/// Hands accepted entries to one observer from a single loop, in the order they were accepted: what arrives while the
/// observer is busy reaches it in one call (up to <see cref="MaxPerCall"/> entries), so a stream of single events costs
/// the observer one Redis round trip per call instead of one per request. The caller never waits. Past
/// <see cref="MaxPending"/> waiting entries, new ones skip this observer (logged): the items are safe in the ingest
/// log either way, and live counters can be rebuilt from the store.
/// </summary>
internal sealed class ObserverQueue : IDisposable
{
    public const int MaxPerCall = 5_000;
    public const int MaxPending = 100_000;

    private readonly IIngestionObserver _observer;
    private readonly ILogger? _logger;
    private readonly Channel<IReadOnlyList<IngestEntry>> _channel =
        Channel.CreateUnbounded<IReadOnlyList<IngestEntry>>(new UnboundedChannelOptions { SingleReader = true });
    private int _pending;

    public ObserverQueue(IIngestionObserver observer, ILogger? logger)
    {
        _observer = observer;
        _logger = logger;
        Completion = Task.Run(RunAsync);
    }

    /// <summary>Ends when the queue is disposed and what was posted before has been handed over.</summary>
    public Task Completion { get; }

    public void Post(IReadOnlyList<IngestEntry> entries)
    {
        if (Interlocked.Add(ref _pending, entries.Count) > MaxPending || !_channel.Writer.TryWrite(entries))
        {
            Interlocked.Add(ref _pending, -entries.Count);
            _logger?.LogWarning("Ingestion observer {Observer} is {Pending} entries behind; {Count} skip it (they are safe in the ingest log)",
                _observer.GetType().Name, Volatile.Read(ref _pending), entries.Count);
        }
    }

    private async Task RunAsync()
    {
        var reader = _channel.Reader;
        var combined = new List<IngestEntry>();
        while (await reader.WaitToReadAsync())
        {
            while (combined.Count < MaxPerCall && reader.TryRead(out var entries))
            {
                combined.AddRange(entries);
            }
            Interlocked.Add(ref _pending, -combined.Count);
            try
            {
                await _observer.OnAcceptedAsync(combined.ToArray(), CancellationToken.None);
            }
            catch (Exception ex)
            {
                _logger?.LogWarning(ex, "Ingestion observer {Observer} failed; the items are safe in the ingest log", _observer.GetType().Name);
            }
            combined.Clear();
        }
    }

    public void Dispose() => _channel.Writer.TryComplete();
}
