using FoodFast.Analytics.Core.Caching;
using FoodFast.Analytics.Core.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FoodFast.Analytics.Redis.Caching;

/// <summary>
/// Hears every instance's purges (<see cref="RedisQueryCache.PurgeChannel"/>) and makes this instance's near cache
/// forget the shop, so an erasure or a retention run is not answered from another instance's memory.
/// Idle when the query cache has no near cache (no Redis, or <c>Cache:NearTtlSeconds</c> 0).
/// </summary>
public sealed class NearCachePurgeListener(RedisConnection connection, IQueryCache cache, ILogger<NearCachePurgeListener> logger) : BackgroundService
{
    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once this instance hears purges.</summary>
    public Task Subscribed => _subscribed.Task;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (cache is not NearQueryCache near)
        {
            return Task.CompletedTask;
        }
        var channel = RedisQueryCache.PurgeChannel(connection.Options);
        return Retry.UntilDoneAsync(async token =>
            {
                var multiplexer = await connection.GetAsync().WaitAsync(token);
                await multiplexer.GetSubscriber().SubscribeAsync(channel, (_, shopId) => near.Forget(shopId!)).WaitAsync(token);
                _subscribed.TrySetResult();
            },
            TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30),
            (ex, delay) => logger.LogWarning("Near cache purges not subscribed yet (retrying in {Delay}): {Error}", delay, ex.Message),
            stoppingToken);
    }
}
