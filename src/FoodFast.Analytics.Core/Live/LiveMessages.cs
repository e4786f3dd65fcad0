using System.Text.Json;
using FoodFast.Analytics.Core.Events;
using FoodFast.Analytics.Core.Orders;
using FoodFast.Analytics.Core.Wire;

namespace FoodFast.Analytics.Core.Live;

/// <summary>
/// What accepted items say on the live feed. Events other than inventory, payments, suppliers and purchases say nothing.
/// A message is aimed at the user its item names (an order's customer, an event's user), for the user rooms.
/// </summary>
public static class LiveMessages
{
    public static LiveEnvelope Envelope(LiveMessage message) =>
        new(message.ShopId, message.Type, JsonSerializer.SerializeToUtf8Bytes(message, WireJson.Options)) { UserId = message.UserId };

    /// <summary><c>order.created</c> the first time an order is counted, <c>order.updated</c> for every later copy.</summary>
    public static LiveMessage Of(Order order, bool firstSeen, DateTimeOffset at) => new(
        firstSeen ? LiveTypes.OrderCreated : LiveTypes.OrderUpdated, order.ShopId, at,
        new OrderData(order.OrderId, order.Status, order.Total, order.Currency, order.Items.Sum(i => i.Quantity), order.Items.Count,
            order.Channel, order.Country, order.CreatedAt, order.UpdatedAt))
    {
        UserId = order.CustomerId,
    };

    public static LiveMessage Of(OrderStatusChange change, DateTimeOffset at) =>
        new(LiveTypes.OrderUpdated, change.ShopId, at, new StatusData(change.OrderId, change.Status, change.UpdatedAt));

    public static IEnumerable<LiveMessage> Of(ActivityEvent activity, int stockLowThreshold, DateTimeOffset at) =>
        Describe(activity, stockLowThreshold).Select(m => new LiveMessage(m.Type, activity.ShopId, at, m.Data) { UserId = activity.UserId });

    private static IEnumerable<(string Type, object Data)> Describe(ActivityEvent activity, int stockLowThreshold)
    {
        switch (activity.Type)
        {
            case ActivityType.InventoryUpdated:
                var stock = new StockData(activity.ProductId, activity.ProductName, activity.StockLevel, stockLowThreshold, activity.OccurredAt);
                yield return (LiveTypes.InventoryUpdated, stock);
                if (activity.StockLevel < stockLowThreshold)
                {
                    yield return (LiveTypes.StockLow, stock);
                }
                break;
            case ActivityType.PaymentCompleted or ActivityType.PaymentFailed:
                var type = activity.Type == ActivityType.PaymentCompleted ? LiveTypes.PaymentReceived : LiveTypes.PaymentFailed;
                yield return (type, new PaymentData(activity.OrderId, activity.Value, activity.Currency, activity.EventId, activity.OccurredAt));
                break;
            case ActivityType.SupplierUpdated or ActivityType.PurchaseCreated or ActivityType.PurchaseReceived:
                var supply = activity.Type switch
                {
                    ActivityType.SupplierUpdated => LiveTypes.SupplierUpdated,
                    ActivityType.PurchaseCreated => LiveTypes.PurchaseCreated,
                    _ => LiveTypes.PurchaseReceived,
                };
                yield return (supply, SupplyData.Of(activity));
                break;
        }
    }

    public sealed record OrderData(string OrderId, OrderStatus Status, decimal Total, string Currency, int Units, int Lines,
        SalesChannel Channel, string Country, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

    public sealed record StatusData(string OrderId, OrderStatus Status, DateTimeOffset UpdatedAt);

    public sealed record StockData(string? ProductId, string? ProductName, int? StockLevel, int Threshold, DateTimeOffset OccurredAt);

    public sealed record PaymentData(string? OrderId, decimal? Amount, string? Currency, Guid EventId, DateTimeOffset OccurredAt);

    /// <summary>A supplier or purchase event: the references, what was ordered or received, and every property as sent.</summary>
    public sealed record SupplyData(string? SupplierId, string? PurchaseId, string? ProductId, string? ProductName, int? Quantity,
        decimal? Value, string? Currency, Guid EventId, DateTimeOffset OccurredAt, IReadOnlyDictionary<string, JsonElement>? Properties)
    {
        public static SupplyData Of(ActivityEvent e) => new(
            SupplyReferences.Text(e.Properties, SupplyReferences.SupplierId), SupplyReferences.Text(e.Properties, SupplyReferences.PurchaseId),
            e.ProductId, e.ProductName, e.Quantity, e.Value, e.Currency, e.EventId, e.OccurredAt, e.Properties);
    }
}
