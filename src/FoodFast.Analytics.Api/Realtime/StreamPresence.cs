using FoodFast.Analytics.Core.Live;
using FoodFast.Analytics.Redis.Live;
using StackExchange.Redis;

namespace FoodFast.Analytics.Api.Realtime;

/// <summary>
/// Reports this instance's connected clients to Redis (on every join and leave, and every few seconds so the report stays
/// live) and answers <c>GET /api/v1/stream/stats</c> from every instance's reports. Without Redis, or when it does not
/// answer, the figures are this instance's own and say so (<see cref="LiveStats.InstanceScope"/>).
/// </summary>
public sealed class StreamPresence(LiveHub hub, LivePresence presence, TimeProvider time, ILogger<StreamPresence> logger) : BackgroundService
{
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim _writing = new(1, 1);

    /// <summary>Writes the current counts; one write at a time, each taking the counts when it starts, so the last one wins.</summary>
    public async Task ReportAsync(CancellationToken cancellationToken)
    {
        if (!presence.Enabled)
        {
            return;
        }
        await _writing.WaitAsync(cancellationToken);
        try
        {
            await presence.WriteAsync(hub.Resume.Instance, hub.Presence(), cancellationToken);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning("Live-feed presence not reported, Redis unavailable: {Error}", ex.Message);
        }
        finally
        {
            _writing.Release();
        }
    }

    public async Task<LiveStats> StatsAsync(string? shopId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (presence.Enabled)
        {
            try
            {
                return LiveStats.Sum(await presence.ReadAsync(cancellationToken), shopId, LiveStats.ClusterScope, now);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                logger.LogWarning("Live-feed stats of this instance only, Redis unavailable: {Error}", ex.Message);
            }
        }
        return LiveStats.Sum([hub.Presence()], shopId, LiveStats.InstanceScope, now);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Refresh, time);
        try
        {
            do
            {
                await ReportAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (presence.Enabled)
        {
            try
            {
                await presence.RemoveAsync(hub.Resume.Instance, cancellationToken);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException or OperationCanceledException or ObjectDisposedException)
            {
                logger.LogWarning("Live-feed presence not removed at shutdown (it expires by itself): {Error}", ex.Message);
            }
        }
    }

    public override void Dispose()
    {
        _writing.Dispose();
        base.Dispose();
    }
}
