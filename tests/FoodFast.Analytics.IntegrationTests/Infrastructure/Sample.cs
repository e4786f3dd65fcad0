using System.Net.Http.Json;
using FoodFast.Analytics.Core.Events;
using FoodFast.Analytics.Core.Orders;
using FoodFast.Analytics.Core.Wire;

namespace FoodFast.Analytics.IntegrationTests.Infrastructure;

/// <summary>Valid orders and events in their real wire shape, varied with `with` expressions in tests.</summary>
public static class Sample
{
    public static readonly DateTimeOffset Now = new(DateTime.UtcNow.Date.AddHours(DateTime.UtcNow.Hour - 2), TimeSpan.Zero);

    public static Order Order(string shopId, string orderId, OrderStatus status = OrderStatus.Paid, DateTimeOffset? updatedAt = null, int quantity = 2, decimal unitPrice = 4.25m) => new()
    {
        ShopId = shopId,
        OrderId = orderId,
        CustomerId = "c-" + orderId,
        Status = status,
        CreatedAt = Now,
        UpdatedAt = updatedAt ?? Now,
        Currency = "EUR",
        Channel = SalesChannel.Web,
        PaymentMethod = PaymentMethod.Card,
        Country = "DE",
        City = "Berlin",
        Subtotal = quantity * unitPrice,
        Tax = 1.00m,
        Shipping = 2.50m,
        Total = quantity * unitPrice + 3.50m,
        Items = [new OrderItem { ProductId = "p-1", ProductName = "Käsespätzle", Category = "ready_meals", Quantity = quantity, UnitPrice = unitPrice, LineTotal = quantity * unitPrice }],
    };

    public static ActivityEvent Event(string shopId, Guid? eventId = null, ActivityType type = ActivityType.ProductView) => new()
    {
        ShopId = shopId,
        EventId = eventId ?? Guid.NewGuid(),
        OccurredAt = Now,
        Category = EventCategory.Product,
        Type = type,
        UserId = "u-1",
        SessionId = "s-1",
        ProductId = "p-1",
    };

    public static JsonContent Json<T>(T value) => JsonContent.Create(value, options: WireJson.Options);

    public static StringContent NdJson<T>(IEnumerable<T> items) =>
        new(string.Join('\n', items.Select(i => System.Text.Json.JsonSerializer.Serialize(i, WireJson.Options))) + "\n", System.Text.Encoding.UTF8, "application/x-ndjson");
}
