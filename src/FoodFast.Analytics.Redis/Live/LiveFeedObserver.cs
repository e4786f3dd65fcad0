using FoodFast.Analytics.Core.Events;
using FoodFast.Analytics.Core.Ingestion;
using FoodFast.Analytics.Core.Live;
using FoodFast.Analytics.Core.Orders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Order = FoodFast.Analytics.Core.Orders.Order;

namespace FoodFast.Analytics.Redis.Live;

/// <summary>Ingestion step 2 for the live side: count the batch, publish its messages, and ask for a fresh analytics.updated.</summary>
public sealed class LiveFeedObserver(
    LiveCounters counters, ILiveBus bus, AnalyticsPulse pulse, IOptions<LiveOptions> options, TimeProvider time, ILogger<LiveFeedObserver> logger)
    : IIngestionObserver
{
    public async Task OnAcceptedAsync(IReadOnlyList<IngestEntry> entries, CancellationToken cancellationToken)
    {
        var items = entries.Select(e => e.ToSinkItem()).ToList();
        var orders = items.Where(i => i.Order is not null).Select(i => i.Order!).ToList();
        var events = items.Where(i => i.Event is not null).Select(i => i.Event!).ToList();
        IReadOnlySet<(string, string)>? firstSeen = null;
        if (counters.Enabled)
        {
            try
            {
                firstSeen = await counters.RecordAsync(orders, events, cancellationToken);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                logger.LogWarning("Live counters skipped for {Count} items, Redis unavailable: {Error}", entries.Count, ex.Message);
            }
        }
        var now = time.GetUtcNow();
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
        await bus.PublishAsync(messages, cancellationToken);
        pulse.Touch(orders.Select(o => o.ShopId).Concat(events.Where(IsCounted).Select(e => e.ShopId)));
    }

    private static bool IsCounted(ActivityEvent activity) => activity.SessionId is not null;
}
