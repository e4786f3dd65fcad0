using FoodFast.Analytics.Core.Orders;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.IntegrationTests.Contract;

namespace FoodFast.Analytics.IntegrationTests.Rollups;

/// <summary>
/// Orders as producers send them, seeded so every run is the same: two shops over 2026-10-20..26 (the Berlin DST
/// change included), EUR and GBP, cities left out now and then, free shipping, lines without a cost, a product renamed
/// on some orders. Each order arrives as its final version, then a late older version (ignored), some twice; some
/// lose a line in a later version; some reach their final status through a status change instead.
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
    }

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
}
