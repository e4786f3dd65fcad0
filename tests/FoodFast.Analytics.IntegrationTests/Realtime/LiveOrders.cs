using FoodFast.Analytics.Core.Orders;
using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.Realtime;

/// <summary>Orders placed "now" (or minutes ago) for live tests, built on <see cref="Sample.Order"/>.</summary>
public static class LiveOrders
{
    public static Order At(string shopId, string orderId, DateTimeOffset at, OrderStatus status = OrderStatus.Paid,
        string productId = "p-1", int quantity = 2, decimal unitPrice = 4.25m, string currency = "EUR") =>
        Sample.Order(shopId, orderId, status, at, quantity, unitPrice) with
        {
            CreatedAt = at,
            Currency = currency,
            Items = [new OrderItem { ProductId = productId, ProductName = "Product " + productId, Category = "ready_meals", Quantity = quantity, UnitPrice = unitPrice, LineTotal = quantity * unitPrice }],
        };
}
