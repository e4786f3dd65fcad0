using System.Collections.Concurrent;
using FoodFast.Analytics.Core.Live;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using FoodFast.Analytics.Core.Observability;
using StackExchange.Redis;

namespace FoodFast.Analytics.Redis.Live;

/// <summary>
/// Coalesces <c>analytics.updated</c>: shops touched by ingestion are marked, and every quarter second each marked
/// shop whose one-second Redis slot is free (shared by all instances) gets one message with its fresh figures.
/// A shop whose slot is taken stays marked, so its last change is never lost.
/// </summary>
public sealed class AnalyticsPulse(LiveCounters counters, RealtimeReader reader, ILiveBus bus, TimeProvider time, ILogger<AnalyticsPulse> logger, FoodFastMetrics metrics)
    : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);
    private readonly ConcurrentDictionary<string, byte> _marked = new(StringComparer.Ordinal);

    public void Touch(IEnumerable<string> shopIds)
    {
        if (!counters.Enabled)
        {
            return;
        }
        foreach (var shop in shopIds)
        {
            _marked.TryAdd(shop, 0);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, time);
        while (await NextTickAsync(timer, stoppingToken))
        {
            foreach (var shop in _marked.Keys)
            {
                try
                {
                    await PulseAsync(shop, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex) when (ex is RedisException or TimeoutException)
                {
                    metrics.DependencyError(Dependencies.Redis);
                    _marked.TryRemove(shop, out _);
                    logger.LogWarning("analytics.updated for {Shop} skipped, Redis unavailable: {Error}", shop, ex.Message);
                }
            }
        }
    }

    /// <summary>False at shutdown, which is not an error worth a stack trace in the log.</summary>
    private static async Task<bool> NextTickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task PulseAsync(string shopId, CancellationToken cancellationToken)
    {
        if (!await counters.TryTakePulseAsync(shopId, cancellationToken))
        {
            return;
        }
        _marked.TryRemove(shopId, out _);
        var figures = await reader.FiguresAsync(shopId, cancellationToken);
        var message = new LiveMessage(LiveTypes.AnalyticsUpdated, shopId, time.GetUtcNow(), figures);
        await bus.PublishAsync([LiveMessages.Envelope(message)], cancellationToken);
    }
}
