using System.Text.Json;
using FoodFast.Analytics.Core.Events;
using FoodFast.Analytics.Core.Orders;
using FoodFast.Analytics.Core.Wire;

namespace FoodFast.Analytics.Core.Live;

/// <summary>What accepted items say on the live feed. Events other than inventory and payments say nothing.</summary>
public static class LiveMessages
{
    public static LiveEnvelope Envelope(LiveMessage message) =>
        new(message.ShopId, message.Type, JsonSerializer.SerializeToUtf8Bytes(message, WireJson.Options));

    /// <summary><c>order.created</c> the first time an order is counted, <c>order.updated</c> for every later copy.</summary>
    public static LiveMessage Of(Order order, bool firstSeen, DateTimeOffset at) => new(
        firstSeen ? LiveTypes.OrderCreated : LiveTypes.OrderUpdated, order.ShopId, at,
        new OrderData(order.OrderId, order.Status, order.Total, order.Currency, order.Items.Sum(i => i.Quantity), order.Items.Count,
            order.Channel, order.Country, order.CreatedAt, order.UpdatedAt));

    public static LiveMessage Of(OrderStatusChange change, DateTimeOffset at) =>
        new(LiveTypes.OrderUpdated, change.ShopId, at, new StatusData(change.OrderId, change.Status, change.UpdatedAt));

    public static IEnumerable<LiveMessage> Of(ActivityEvent activity, int stockLowThreshold, DateTimeOffset at)
    {
        switch (activity.Type)
        {
            case ActivityType.InventoryUpdated:
                var stock = new StockData(activity.ProductId, activity.ProductName, activity.StockLevel, stockLowThreshold, activity.OccurredAt);
                yield return new LiveMessage(LiveTypes.InventoryUpdated, activity.ShopId, at, stock);
                if (activity.StockLevel < stockLowThreshold)
                {
                    yield return new LiveMessage(LiveTypes.StockLow, activity.ShopId, at, stock);
                }
                break;
            case ActivityType.PaymentCompleted or ActivityType.PaymentFailed:
                var type = activity.Type == ActivityType.PaymentCompleted ? LiveTypes.PaymentReceived : LiveTypes.PaymentFailed;
                yield return new LiveMessage(type, activity.ShopId, at, new PaymentData(activity.OrderId, activity.Value, activity.Currency, activity.EventId, activity.OccurredAt));
                break;
        }
    }

    public sealed record OrderData(string OrderId, OrderStatus Status, decimal Total, string Currency, int Units, int Lines,
        SalesChannel Channel, string Country, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

    public sealed record StatusData(string OrderId, OrderStatus Status, DateTimeOffset UpdatedAt);

    public sealed record StockData(string? ProductId, string? ProductName, int? StockLevel, int Threshold, DateTimeOffset OccurredAt);

    public sealed record PaymentData(string? OrderId, decimal? Amount, string? Currency, Guid EventId, DateTimeOffset OccurredAt);
}
