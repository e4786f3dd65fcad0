namespace FoodFast.Analytics.Core.Live;

/// <summary>One message of the live feed, as clients receive it: <c>{type, shopId, at, data}</c>.</summary>
public sealed record LiveMessage(string Type, string ShopId, DateTimeOffset At, object Data);

/// <summary>The message types and the topic each belongs to (clients filter by topic).</summary>
public static class LiveTypes
{
    public const string OrderCreated = "order.created";
    public const string OrderUpdated = "order.updated";
    public const string AnalyticsUpdated = "analytics.updated";
    public const string InventoryUpdated = "inventory.updated";
    public const string StockLow = "stock.low";
    public const string PaymentReceived = "payment.received";
    public const string PaymentFailed = "payment.failed";

    public static readonly IReadOnlyList<string> Topics = ["orders", "analytics", "inventory", "payments"];

    public static string TopicOf(string type) => type switch
    {
        OrderCreated or OrderUpdated => "orders",
        AnalyticsUpdated => "analytics",
        InventoryUpdated or StockLow => "inventory",
        PaymentReceived or PaymentFailed => "payments",
        _ => "other",
    };
}

/// <summary>A serialized message with what routing needs: its shop and type, and the JSON clients get.</summary>
public sealed record LiveEnvelope(string ShopId, string Type, byte[] Json);
