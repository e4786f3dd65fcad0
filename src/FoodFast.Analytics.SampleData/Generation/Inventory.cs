using System.Text.Json;
using FoodFast.Analytics.Core.Events;
using FoodFast.Analytics.Core.Orders;
using FoodFast.Analytics.SampleData.Catalogue;

namespace FoodFast.Analytics.SampleData.Generation;

/// <summary>
/// Stock of every product in one shop. Sales draw it down; a sale that leaves fewer than
/// <see cref="LowStock"/> units reports the level (the live feed turns it into <c>stock.low</c>), and the
/// shop restocks half a day later. A few other sales report the level too, as a stock sync would.
/// </summary>
public sealed class Inventory
{
    public const int LowStock = 10;
    private static readonly JsonElement Sale = JsonSerializer.SerializeToElement("sale");
    private static readonly JsonElement Restock = JsonSerializer.SerializeToElement("restock");
    private readonly Shop shop;
    private readonly int[] stock;

    public Inventory(Shop shop, int products, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        this.shop = shop;
        stock = new int[products];
        for (var i = 0; i < stock.Length; i++)
        {
            stock[i] = 40 + random.Next(160);
        }
    }

    /// <summary>Takes the order's items out of stock; returns the inventory events it causes (none later than <paramref name="until"/>).</summary>
    public IEnumerable<ActivityEvent> Sell(Order order, DateTimeOffset until, Random random)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(random);
        var at = order.CreatedAt.AddSeconds(1);
        foreach (var item in order.Items)
        {
            var index = ProductCatalogue.IndexOf(item.ProductId);
            stock[index] = Math.Max(0, stock[index] - item.Quantity);
            if (stock[index] < LowStock || random.NextDouble() < 0.03)
            {
                yield return Level(item, stock[index], at, Sale, random);
            }
            if (stock[index] < LowStock)
            {
                stock[index] += 100 + random.Next(150);
                var restockedAt = order.CreatedAt.AddHours(6 + random.Next(18));
                if (restockedAt <= until)
                {
                    yield return Level(item, stock[index], restockedAt, Restock, random);
                }
            }
        }
    }

    private ActivityEvent Level(OrderItem item, int level, DateTimeOffset at, JsonElement reason, Random random) => new()
    {
        ShopId = shop.ShopId,
        EventId = Ids.NewGuid(random),
        OccurredAt = at,
        Category = EventCategory.Product,
        Type = ActivityType.InventoryUpdated,
        ProductId = item.ProductId,
        ProductName = item.ProductName,
        ProductCategory = item.Category,
        StockLevel = level,
        Country = shop.Country,
        Properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal) { ["reason"] = reason },
    };
}
