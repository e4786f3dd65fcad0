using FoodFast.Analytics.Core.Ingestion;
using FoodFast.Analytics.Core.Live;
using FoodFast.Analytics.Core.Orders;
using FoodFast.Analytics.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using FoodFast.Analytics.Core.Observability;
using StackExchange.Redis;

namespace FoodFast.Analytics.Redis.Live;

/// <summary>
/// Ingestion step 2 for the live side: mark the batch's orders as seen (one round trip: it decides created or updated),
/// publish its messages, then count it and ask for a fresh analytics.updated. Publishing before counting, and not waiting
/// for the count, keeps the second round trip out of the feed's latency.
/// </summary>
public sealed class LiveFeedObserver(
    LiveCounters counters, ILiveBus bus, AnalyticsPulse pulse, IOptions<LiveOptions> options, TimeProvider time, ILogger<LiveFeedObserver> logger, FoodFastMetrics metrics)
    : IIngestionObserver
{
    public async Task OnAcceptedAsync(IReadOnlyList<IngestEntry> entries, CancellationToken cancellationToken)
    {
        var items = entries.Select(e => e.Item).ToList();
        var orders = items.Where(i => i.Order is not null).Select(i => i.Order!).ToList();
        var events = items.Where(i => i.Event is not null).Select(i => i.Event!).ToList();
        IReadOnlySet<(string, string)>? firstSeen = null;
        var marked = await TryCountersAsync(entries.Count, async () => firstSeen = await counters.MarkFirstSeenAsync(orders, cancellationToken));
        await bus.PublishAsync(Messages(items, firstSeen, time.GetUtcNow()), cancellationToken);
        if (marked)
        {
            // Not awaited: the next entries' messages should not wait for this round trip (counts are increments, so
            // their order does not matter). Bounded all the same: each call ends within the Redis timeout.
            _ = CountAsync(orders, firstSeen!, events, entries.Count);
        }
    }

    private async Task CountAsync(List<Core.Orders.Order> orders, IReadOnlySet<(string, string)> firstSeen, List<Core.Events.ActivityEvent> events, int count)
    {
        try
        {
            if (await TryCountersAsync(count, () => counters.CountAsync(orders, firstSeen, events, CancellationToken.None)))
            {
                pulse.Touch(orders.Select(o => o.ShopId).Concat(events.Where(e => e.SessionId is not null).Select(e => e.ShopId)));
            }
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Live counters failed for {Count} items (the rebuild repairs counts)", count);
        }
    }

    private List<LiveEnvelope> Messages(List<SinkItem> items, IReadOnlySet<(string, string)>? firstSeen, DateTimeOffset now)
    {
        var messages = new List<LiveEnvelope>();
        foreach (var item in items)
        {
            if (item.Order is { } order)
            {
                // Without counters nobody knows what was seen before: a created or paid copy is announced as new.
                var first = firstSeen?.Contains((order.ShopId, order.OrderId)) ?? order.Status is OrderStatus.Created or OrderStatus.Paid;
                messages.Add(LiveMessages.Envelope(LiveMessages.Of(order, first, now)));
            }
            else if (item.StatusChange is { } change)
            {
                messages.Add(LiveMessages.Envelope(LiveMessages.Of(change, now)));
            }
            else if (item.Event is { } activity)
            {
                messages.AddRange(LiveMessages.Of(activity, options.Value.StockLowThreshold, now).Select(LiveMessages.Envelope));
            }
        }
        return messages;
    }

    /// <summary>Runs a counters call; false when there are no counters or Redis failed (logged: the rebuild repairs counts).</summary>
    private async Task<bool> TryCountersAsync(int count, Func<Task> call)
    {
        if (!counters.Enabled)
        {
            return false;
        }
        try
        {
            await call();
            return true;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            metrics.DependencyError(Dependencies.Redis);
            logger.LogWarning("Live counters skipped for {Count} items, Redis unavailable: {Error}", count, ex.Message);
            return false;
        }
    }
}
