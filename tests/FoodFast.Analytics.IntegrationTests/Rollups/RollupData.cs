using FoodFast.Analytics.Core.Events;
using FoodFast.Analytics.Core.Ingestion.Validation;
using FoodFast.Analytics.Core.Orders;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.IntegrationTests.Contract;

namespace FoodFast.Analytics.IntegrationTests.Rollups;

/// <summary>
/// Orders as producers send them, seeded so every run is the same: two shops over 2026-10-20..26 (the Berlin DST
/// change included), EUR and GBP, cities left out now and then, free shipping, lines without a cost, a product renamed
/// on some orders. Each order arrives as its final version, then a late older version (ignored), some twice; some
/// lose a line in a later version; some reach their final status through a status change instead. Sessions of events
/// cross hours, sign in halfway (no user, then one), buy or review; stock updates carry no session; some events arrive
/// twice.
/// </summary>
public static class RollupData
{
    public static readonly string[] Shops = ["shop-r1", "shop-r2"];
    public static readonly DateTimeOffset Start = new(2026, 10, 20, 0, 0, 0, TimeSpan.Zero);

    private static readonly (string Country, string?[] Cities)[] Places =
        [("DE", ["Berlin", "Munich", null]), ("FR", ["Paris", "Lyon"]), ("GB", ["London", null]), ("NL", ["Amsterdam"])];

    private static readonly OrderStatus[] Finals = [OrderStatus.Paid, OrderStatus.Shipped, OrderStatus.Delivered, OrderStatus.Delivered, OrderStatus.Cancelled, OrderStatus.Refunded];

    public static async Task LoadAsync(IAnalyticsSink sink, int orders = 300)
    {
        var random = new Random(20261208);
        var versions = new List<SinkItem>();
        var changes = new List<SinkItem>();
        for (var n = 0; n < orders; n++)
        {
            var created = Start.AddSeconds(random.Next(7 * 24 * 3600));
            var (country, cities) = Places[random.Next(Places.Length)];
            var lines = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Line(random)).ToList();
            var first = Order(random, $"r-{n}", Shops[n % 2], created, n % 5 == 0 ? "GBP" : "EUR", country, cities[random.Next(cities.Length)], lines);
            var final = Priced(first with { Status = Finals[random.Next(Finals.Length)], UpdatedAt = created.AddMinutes(30 + random.Next(60 * 60)) },
                n % 7 == 0 && lines.Count > 1 ? lines.Skip(1).ToList() : lines);
            if (n % 6 == 0)
            {
                versions.Add(SinkItem.Of(first));
                changes.Add(SinkItem.Of(new OrderStatusChange { ShopId = final.ShopId, OrderId = final.OrderId, Status = final.Status, UpdatedAt = final.UpdatedAt }));
                continue;
            }
            versions.Add(SinkItem.Of(final));
            versions.Add(SinkItem.Of(first));
            if (n % 4 == 0)
            {
                versions.Add(SinkItem.Of(final));
            }
        }
        // Batches of versions in a shuffled order, then the status changes once their orders are stored.
        foreach (var batch in versions.OrderBy(_ => random.Next()).Chunk(37))
        {
            await ContractData.WriteAsync(sink, batch);
        }
        await ContractData.WriteAsync(sink, [.. changes]);
        await LoadEventsAsync(sink, random);
    }

    private static readonly ActivityType[] Steps =
        [ActivityType.PageView, ActivityType.ProductView, ActivityType.Search, ActivityType.AddToCart, ActivityType.CheckoutStart,
         ActivityType.CheckoutComplete, ActivityType.Purchase, ActivityType.Review, ActivityType.Login];

    private static async Task LoadEventsAsync(IAnalyticsSink sink, Random random, int sessions = 200)
    {
        var events = new List<ActivityEvent>();
        for (var s = 0; s < sessions; s++)
        {
            var at = Start.AddSeconds(random.Next(7 * 24 * 3600));
            var user = $"c{random.Next(60)}";
            var signsIn = random.Next(3);
            for (var step = 0; step < 2 + random.Next(8); step++)
            {
                at = at.AddMinutes(random.Next(25));
                var type = Steps[random.Next(Steps.Length)];
                events.Add(Event(random, Shops[s % 2], at, type, step < signsIn ? null : user, $"s{s}") with
                {
                    Rating = type == ActivityType.Review ? 1 + random.Next(5) : null,
                });
            }
        }
        for (var n = 0; n < 20; n++)
        {
            events.Add(Event(random, Shops[n % 2], Start.AddSeconds(random.Next(7 * 24 * 3600)), ActivityType.InventoryUpdated, null, null) with { StockLevel = random.Next(50) });
        }
        var sent = events.Concat(events.Where((_, i) => i % 9 == 0)).OrderBy(_ => random.Next());
        foreach (var batch in sent.Chunk(53))
        {
            await ContractData.WriteAsync(sink, [.. batch.Select(SinkItem.Of)]);
        }
    }

    private static ActivityEvent Event(Random random, string shop, DateTimeOffset at, ActivityType type, string? user, string? session) => new()
    {
        ShopId = shop, EventId = Id(random), OccurredAt = at, Category = EventReader.CategoryOf(type), Type = type,
        UserId = user, SessionId = session, ProductId = type is ActivityType.ProductView or ActivityType.AddToCart or ActivityType.InventoryUpdated ? $"p{1 + random.Next(12)}" : null,
        Query = type == ActivityType.Search ? "milch" : null, Device = "web", Country = "DE",
    };

    private static OrderItem Line(Random random)
    {
        var product = 1 + random.Next(12);
        var price = 0.5m + product * 0.75m;
        var quantity = 1 + random.Next(4);
        return new OrderItem
        {
            ProductId = $"p{product}", ProductName = product == 3 && random.Next(3) == 0 ? "Product 3 (new label)" : $"Product {product}",
            Category = (product % 3) switch { 0 => "bakery", 1 => "dairy", _ => "frozen" }, Brand = product % 2 == 0 ? "FoodFast" : null,
            Quantity = quantity, UnitPrice = price, UnitCost = product % 4 == 0 ? null : Math.Round(price * 0.6m, 2), LineTotal = quantity * price,
        };
    }

    private static Order Order(Random random, string id, string shop, DateTimeOffset created, string currency, string country, string? city, IReadOnlyList<OrderItem> lines) =>
        Priced(new Order
        {
            ShopId = shop, OrderId = id, CustomerId = $"c{random.Next(60)}", Status = OrderStatus.Paid, CreatedAt = created, UpdatedAt = created,
            Currency = currency, Channel = (SalesChannel)random.Next(4), PaymentMethod = (PaymentMethod)random.Next(6), Country = country, City = city,
            Discount = random.Next(3) == 0 ? 1.00m : 0m, Subtotal = 0, Total = 0, Items = lines,
        }, lines);

    private static Order Priced(Order order, IReadOnlyList<OrderItem> lines)
    {
        var subtotal = lines.Sum(l => l.LineTotal);
        var shipping = subtotal > 20 ? 0m : 3.90m;
        var tax = Math.Round(subtotal * 0.07m, 2);
        return order with { Items = lines, Subtotal = subtotal, Shipping = shipping, Tax = tax, Total = subtotal - order.Discount + tax + shipping };
    }

    private static Guid Id(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
