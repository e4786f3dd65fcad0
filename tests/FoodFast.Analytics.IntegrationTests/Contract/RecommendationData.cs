using FoodFast.Analytics.Core.Orders;
using FoodFast.Analytics.Core.Storage;

namespace FoodFast.Analytics.IntegrationTests.Contract;

/// <summary>
/// Baskets of shop-r in June 2026, small enough to score by hand (loaded with <see cref="ContractData"/>, in a shop and
/// month no other contract test reads). Previous week [Jun 1, Jun 8), recent week [Jun 8, Jun 15):
///
/// r-1 Jun 2  p1 x2, p2 x1          r-5 Jun 9  p1 x5, p2 x5  cancelled (never counts)
/// r-2 Jun 3  p1 x1, p2 x1, p3 x1, p1 x1 (a second p1 line: the order still counts once)
/// r-3 Jun 4  p1 x1, p3 x2          r-6 Jun 10 p1 x3, p4 x4
/// r-4 Jun 5  p2 x2, p4 x1          r-7 Jun 11 p3 x6
///                                  r-8 Jun 12 p2 x1
///                                  r-9 Jun 13 p5 x2
/// shop-s  s-1 Jun 3  p1 x1, p9 x1 (another shop: never beside shop-r's p1)
///
/// Bought together with p1 in [Jun 1, Jun 15): N = 8 orders (r-5 cancelled), n(p1) = 4 (r-1, r-2, r-3, r-6).
///   p3: together 2 (r-2, r-3), n(p3) = 3: support 2/8 = 0.25, confidence 2/4 = 0.5, lift 0.5 / (3/8) = 1.3333
///   p2: together 2 (r-1, r-2), n(p2) = 4: support 0.25, confidence 0.5, lift 0.5 / (4/8) = 1
///   p4: together 1 (r-6),      n(p4) = 2: support 0.125, confidence 0.25, lift 0.25 / (2/8) = 1 (only with minSupport 1)
/// Trending units, previous → recent: p1 5 → 3, p2 4 → 1, p3 3 → 6 (x2), p4 1 → 4 (x4), p5 0 → 2 (new).
/// </summary>
public static class RecommendationData
{
    public static readonly DateTimeOffset From = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset To = new(2026, 6, 15, 0, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, (string Name, string Category)> Products = new()
    {
        ["p1"] = ("Lasagne", "ready_meals"), ["p2"] = ("Cola", "beverages"), ["p3"] = ("Vanilla ice cream", "ice_cream"),
        ["p4"] = ("Lemonade", "beverages"), ["p5"] = ("Greek salad", "salads"), ["p9"] = ("Espresso", "hot_drinks"),
    };

    private static Order Basket(string shop, string id, int day, OrderStatus status, params (string Product, int Quantity)[] lines) =>
        Basket(shop, id, new DateTimeOffset(2026, 6, day, 12, 0, 0, TimeSpan.Zero), status, lines);

    /// <summary>An order of the products above at 2.00 a unit.</summary>
    public static Order Basket(string shop, string id, DateTimeOffset created, OrderStatus status, params (string Product, int Quantity)[] lines)
    {
        var items = lines.Select(l => new OrderItem
        {
            ProductId = l.Product, ProductName = Products[l.Product].Name, Category = Products[l.Product].Category,
            Quantity = l.Quantity, UnitPrice = 2.00m, LineTotal = l.Quantity * 2.00m,
        }).ToList();
        var total = items.Sum(i => i.LineTotal);
        return new Order
        {
            ShopId = shop, OrderId = id, CustomerId = "rc-" + id, Status = status, CreatedAt = created, UpdatedAt = created, Currency = "EUR",
            Channel = SalesChannel.Web, PaymentMethod = PaymentMethod.Card, Country = "DE", City = "Berlin",
            Subtotal = total, Discount = 0m, Tax = 0m, Shipping = 0m, Total = total, Items = items,
        };
    }

    public static readonly IReadOnlyList<Order> Orders =
    [
        Basket("shop-r", "r-1", 2, OrderStatus.Paid, ("p1", 2), ("p2", 1)),
        Basket("shop-r", "r-2", 3, OrderStatus.Delivered, ("p1", 1), ("p2", 1), ("p3", 1), ("p1", 1)),
        Basket("shop-r", "r-3", 4, OrderStatus.Paid, ("p1", 1), ("p3", 2)),
        Basket("shop-r", "r-4", 5, OrderStatus.Paid, ("p2", 2), ("p4", 1)),
        Basket("shop-r", "r-5", 9, OrderStatus.Cancelled, ("p1", 5), ("p2", 5)),
        Basket("shop-r", "r-6", 10, OrderStatus.Paid, ("p1", 3), ("p4", 4)),
        Basket("shop-r", "r-7", 11, OrderStatus.Paid, ("p3", 6)),
        Basket("shop-r", "r-8", 12, OrderStatus.Paid, ("p2", 1)),
        Basket("shop-r", "r-9", 13, OrderStatus.Paid, ("p5", 2)),
        Basket("shop-s", "s-1", 3, OrderStatus.Paid, ("p1", 1), ("p9", 1)),
    ];

    public static Task LoadAsync(IAnalyticsSink sink) => ContractData.WriteAsync(sink, [.. Orders.Select(SinkItem.Of)]);
}
