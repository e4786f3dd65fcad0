using FoodFast.Analytics.Core.Events;
using FoodFast.Analytics.Core.Orders;
using FoodFast.Analytics.Core.Storage;

namespace FoodFast.Analytics.IntegrationTests.Contract;

/// <summary>
/// Fixture data small enough to compute every answer by hand. Europe/Berlin leaves summer time on
/// Sunday 2026-10-25 (03:00 CEST → 02:00 CET, a 25-hour day). Local days: Oct 24 starts 2026-10-23T22:00Z,
/// Oct 25 starts 2026-10-24T22:00Z, Oct 26 starts 2026-10-25T23:00Z, Oct 27 starts 2026-10-26T23:00Z.
///
/// shop-a  a-1  Oct 24 23:30 local  EUR  web/card      DE Berlin  2 x p1 @4.50 (cost 3.00)            total 11.63  c1  delivered (older "shipped" arrives late)
///         a-2  Oct 25 00:30 local  EUR  ios/paypal    DE Munich  3 x p2 @1.00 (0.40), 1 x p1 @4.50 (3.00), discount 1.00  total 6.96  c2  delivered
///         a-3  Oct 26 00:30 local  EUR  web/card      FR Paris   1 x p3 @6.00 (no cost)               total 6.00   c1  refunded Oct 26 11:00 local
///         a-4  Oct 25 11:00 local  GBP  android/apple GB London  4 x p4 @2.50 (1.00)                  total 15.00  c3  cancelled Oct 25 13:00 local
/// shop-b  b-1  Oct 25 10:00 local  EUR  web/card      DE Hamburg 10 x p5 @0.50                        total 5.00   c9  paid
///         b-2  Oct 26 10:00 local  EUR  web/card      DE Hamburg 40 x p5 @0.50                        total 20.00  c9  paid
/// Events shop-a: s1 (u1) views, carts, starts checkout and buys p1 on Oct 25; s2 (u2) views and carts p2 on Oct 25 and
/// searches "milch" (0 results) and "käse" (5); s3 (u1) views p1 on Oct 26. shop-b: s9 (u9) views p5 and buys on Oct 25.
/// </summary>
public static class ContractData
{
    public static readonly DateTimeOffset From = new(2026, 10, 23, 22, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset To = new(2026, 10, 26, 23, 0, 0, TimeSpan.Zero);
    public const string Zone = "Europe/Berlin";

    private static DateTimeOffset Utc(int day, int hour, int minute = 0) => new(2026, 10, day, hour, minute, 0, TimeSpan.Zero);

    private static OrderItem Line(string product, string name, string category, int quantity, decimal price, decimal? cost) => new()
    {
        ProductId = product, ProductName = name, Category = category, Brand = "FoodFast", Quantity = quantity,
        UnitPrice = price, UnitCost = cost, LineTotal = quantity * price,
    };

    private static Order Order(string shop, string id, DateTimeOffset created, string currency, SalesChannel channel, PaymentMethod payment,
        string country, string city, string customer, OrderStatus status, decimal discount, decimal tax, decimal shipping, params OrderItem[] items)
    {
        var subtotal = items.Sum(i => i.LineTotal);
        return new Order
        {
            ShopId = shop, OrderId = id, CustomerId = customer, Status = status, CreatedAt = created, UpdatedAt = created,
            Currency = currency, Channel = channel, PaymentMethod = payment, Country = country, City = city,
            Subtotal = subtotal, Discount = discount, Tax = tax, Shipping = shipping, Total = subtotal - discount + tax + shipping, Items = items,
        };
    }

    public static readonly Order A1 = Order("shop-a", "a-1", Utc(24, 21, 30), "EUR", SalesChannel.Web, PaymentMethod.Card, "DE", "Berlin", "c1",
        OrderStatus.Delivered, 0m, 0.63m, 2.00m, Line("p1", "Käsespätzle", "ready_meals", 2, 4.50m, 3.00m)) with { UpdatedAt = Utc(26, 8) };

    public static readonly Order A1LateShipped = A1 with { Status = OrderStatus.Shipped, UpdatedAt = Utc(25, 8) };

    public static readonly Order A2 = Order("shop-a", "a-2", Utc(24, 22, 30), "EUR", SalesChannel.Ios, PaymentMethod.Paypal, "DE", "Munich", "c2",
        OrderStatus.Delivered, 1.00m, 0.46m, 0m, Line("p2", "Brezel", "bakery", 3, 1.00m, 0.40m), Line("p1", "Käsespätzle", "ready_meals", 1, 4.50m, 3.00m));

    public static readonly Order A3Paid = Order("shop-a", "a-3", Utc(25, 23, 30), "EUR", SalesChannel.Web, PaymentMethod.Card, "FR", "Paris", "c1",
        OrderStatus.Paid, 0m, 0m, 0m, Line("p3", "Crème brûlée", "frozen", 1, 6.00m, null));

    public static readonly Order A3Refunded = A3Paid with { Status = OrderStatus.Refunded, UpdatedAt = Utc(26, 10) };

    public static readonly Order A4 = Order("shop-a", "a-4", Utc(25, 10), "GBP", SalesChannel.Android, PaymentMethod.ApplePay, "GB", "London", "c3",
        OrderStatus.Cancelled, 0m, 2.00m, 3.00m, Line("p4", "Earl Grey", "beverages", 4, 2.50m, 1.00m)) with { UpdatedAt = Utc(25, 12) };

    public static readonly Order B1 = Order("shop-b", "b-1", Utc(25, 9), "EUR", SalesChannel.Web, PaymentMethod.Card, "DE", "Hamburg", "c9",
        OrderStatus.Paid, 0m, 0m, 0m, Line("p5", "Apfel", "fruit_vegetables", 10, 0.50m, null));

    public static readonly Order B2 = Order("shop-b", "b-2", Utc(26, 9), "EUR", SalesChannel.Web, PaymentMethod.Card, "DE", "Hamburg", "c9",
        OrderStatus.Paid, 0m, 0m, 0m, Line("p5", "Apfel", "fruit_vegetables", 40, 0.50m, null));

    private static int _next;

    private static ActivityEvent Event(string shop, string user, string session, ActivityType type, DateTimeOffset at, string? product = null, string? query = null, int? results = null) => new()
    {
        ShopId = shop, EventId = new Guid($"00000000-0000-4000-8000-{Interlocked.Increment(ref _next):D12}"), OccurredAt = at,
        Category = Core.Ingestion.Validation.EventReader.CategoryOf(type), Type = type, UserId = user, SessionId = session,
        ProductId = product, Query = query, ResultsCount = results, Device = "ios", Country = "DE",
    };

    public static readonly IReadOnlyList<ActivityEvent> Events =
    [
        Event("shop-a", "u1", "s1", ActivityType.ProductView, Utc(25, 8), "p1"),
        Event("shop-a", "u1", "s1", ActivityType.AddToCart, Utc(25, 8, 5), "p1"),
        Event("shop-a", "u1", "s1", ActivityType.CheckoutStart, Utc(25, 8, 10)),
        Event("shop-a", "u1", "s1", ActivityType.Purchase, Utc(25, 8, 15)),
        Event("shop-a", "u2", "s2", ActivityType.ProductView, Utc(25, 9), "p2"),
        Event("shop-a", "u2", "s2", ActivityType.AddToCart, Utc(25, 9, 5), "p2"),
        Event("shop-a", "u2", "s2", ActivityType.Search, Utc(25, 9, 10), query: "milch", results: 0),
        Event("shop-a", "u2", "s2", ActivityType.Search, Utc(25, 9, 12), query: "käse", results: 5),
        Event("shop-a", "u1", "s3", ActivityType.ProductView, Utc(26, 7), "p1"),
        Event("shop-b", "u9", "s9", ActivityType.ProductView, Utc(25, 7), "p5"),
        Event("shop-b", "u9", "s9", ActivityType.Purchase, Utc(25, 7, 30)),
    ];

    private static ActivityEvent StockUpdate(string shop, string product, string? name, int? level, DateTimeOffset at) =>
        // No user or session: a stock feed is not a visitor, and engagement's 30-day window reaches back to these days.
        Event(shop, "ops", "ops", ActivityType.InventoryUpdated, at, product) with { ProductName = name, StockLevel = level, Device = null, UserId = null, SessionId = null };

    /// <summary>
    /// Inventory updates, all before <see cref="From"/> so no other answer changes. shop-a: p1 (no name) 5 on Oct 20;
    /// p2 Brezel 50 (Oct 20), 12 (Oct 21 08:00), 7 (Oct 22); p4 Earl Grey 30 and 29 at the same instant (Oct 21 09:00:
    /// the smaller event id, 30, is the latest, as Postgres breaks the tie on event_id); p3 an update without a level
    /// (ignored). shop-b: p5 Apfel 0 (Oct 21).
    /// </summary>
    public static readonly IReadOnlyList<ActivityEvent> StockEvents =
    [
        StockUpdate("shop-a", "p1", null, 5, Utc(20, 10)),
        StockUpdate("shop-a", "p2", "Brezel", 50, Utc(20, 8)),
        StockUpdate("shop-a", "p2", "Brezel", 12, Utc(21, 8)),
        StockUpdate("shop-a", "p2", "Brezel", 7, Utc(22, 8)),
        StockUpdate("shop-a", "p4", "Earl Grey", 30, Utc(21, 9)),
        StockUpdate("shop-a", "p4", "Earl Grey", 29, Utc(21, 9)),
        StockUpdate("shop-a", "p3", "Crème brûlée", null, Utc(21, 10)),
        StockUpdate("shop-b", "p5", "Apfel", 0, Utc(21, 7)),
    ];

    /// <summary>Writes the fixture as producers would: newer versions first, then a late older one, then the refund.</summary>
    public static async Task LoadAsync(IAnalyticsSink sink)
    {
        await WriteAsync(sink, SinkItem.Of(A1), SinkItem.Of(A2), SinkItem.Of(A3Paid), SinkItem.Of(A4), SinkItem.Of(B1), SinkItem.Of(B2));
        await WriteAsync(sink, SinkItem.Of(A1LateShipped));
        await WriteAsync(sink, SinkItem.Of(A3Refunded));
        await WriteAsync(sink, [.. Events.Select(SinkItem.Of)]);
        await WriteAsync(sink, [.. Events.Take(3).Select(SinkItem.Of)]);
        await RecommendationData.LoadAsync(sink);
    }

    /// <summary>The store contract's stock levels; kept out of <see cref="LoadAsync"/>, which the HTTP test hosts load too.</summary>
    public static Task LoadStockAsync(IAnalyticsSink sink) => WriteAsync(sink, [.. StockEvents.Select(SinkItem.Of)]);

    /// <summary>Writes through the sink and checks that every item landed.</summary>
    public static async Task WriteAsync(IAnalyticsSink sink, params SinkItem[] items)
    {
        var outcomes = await sink.WriteAsync(items, CancellationToken.None);
        Assert.All(outcomes, o => Assert.Equal(SinkOutcomeKind.Landed, o.Kind));
    }
}
