using System.Text.Json.Serialization;

namespace FoodFast.Analytics.Core.Live;

/// <summary>
/// One message of the live feed, as clients receive it: <c>{type, shopId, at, userId?, data}</c>. <see cref="UserId"/>
/// names the user the message is aimed at (an event's <c>userId</c>, an order's <c>customerId</c>): it also reaches
/// that user's room. <c>data</c> is written last, so a reader finds the routing fields without parsing it.
/// </summary>
public sealed record LiveMessage(string Type, string ShopId, DateTimeOffset At, [property: JsonPropertyOrder(1)] object Data)
{
    public string? UserId { get; init; }
}

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
    public const string SupplierUpdated = "supplier.updated";
    public const string PurchaseCreated = "purchase.created";
    public const string PurchaseReceived = "purchase.received";

    public static readonly IReadOnlyList<string> Topics = ["orders", "analytics", "inventory", "payments", "purchasing"];

    public static string TopicOf(string type) => type switch
    {
        OrderCreated or OrderUpdated => "orders",
        AnalyticsUpdated => "analytics",
        InventoryUpdated or StockLow => "inventory",
        PaymentReceived or PaymentFailed => "payments",
        SupplierUpdated or PurchaseCreated or PurchaseReceived => "purchasing",
        _ => "other",
    };
}
