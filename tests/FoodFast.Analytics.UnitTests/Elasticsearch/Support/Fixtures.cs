using System.Text.Json;
using FoodFast.Analytics.Core.Events;
using FoodFast.Analytics.Core.Orders;

namespace FoodFast.Analytics.UnitTests.Elasticsearch.Support;

/// <summary>The order and event the golden files describe.</summary>
public static class Fixtures
{
    public static readonly DateTimeOffset Created = DateTimeOffset.Parse("2026-11-12T09:20:34.567Z", System.Globalization.CultureInfo.InvariantCulture);
    public static readonly DateTimeOffset Updated = DateTimeOffset.Parse("2026-11-12T09:25:00Z", System.Globalization.CultureInfo.InvariantCulture);

    public static Order OrderWithTwoLines() => new()
    {
        ShopId = "shop1",
        OrderId = "o-1001",
        CustomerId = "c-42",
        Status = OrderStatus.Paid,
        CreatedAt = Created,
        UpdatedAt = Updated,
        Currency = "EUR",
        Channel = SalesChannel.Web,
        PaymentMethod = PaymentMethod.ApplePay,
        Country = "DE",
        City = "Berlin",
        Location = new GeoPoint(52.52, 13.405),
        CouponCode = "WELCOME10",
        Subtotal = 54.50m,
        Discount = 5.45m,
        Tax = 7.85m,
        Shipping = 3.00m,
        Total = 59.90m,
        Items =
        [
            new OrderItem { ProductId = "p-1", ProductName = "Bio Hafermilch 1L", Category = "dairy_alternatives", Brand = "Oatly", Quantity = 2, UnitPrice = 2.49m, UnitCost = 1.20m, LineTotal = 4.98m },
            new OrderItem { ProductId = "p-2", ProductName = "Sourdough Bread", Category = "bakery", Quantity = 1, UnitPrice = 49.52m, LineTotal = 49.52m },
        ],
    };

    public static ActivityEvent AddToCart() => new()
    {
        ShopId = "shop1",
        EventId = Guid.Parse("5b6f3c0e-8d7e-4a52-9c8e-2f8b1f7a9e10"),
        OccurredAt = DateTimeOffset.Parse("2026-11-12T09:21:00Z", System.Globalization.CultureInfo.InvariantCulture),
        Category = EventCategory.Product,
        Type = ActivityType.AddToCart,
        UserId = "u-7",
        SessionId = "s-9",
        ProductId = "p-1",
        ProductName = "Bio Hafermilch 1L",
        ProductCategory = "dairy_alternatives",
        Quantity = 2,
        Value = 4.98m,
        Currency = "EUR",
        Device = "ios",
        Country = "DE",
        Properties = new Dictionary<string, JsonElement>
        {
            ["ab_test"] = JsonSerializer.SerializeToElement("b"),
            ["position"] = JsonSerializer.SerializeToElement(3),
        },
    };
}
