using FoodFast.Analytics.Core.Orders;
using FoodFast.Analytics.SampleData.Catalogue;

namespace FoodFast.Analytics.SampleData.Generation;

/// <summary>
/// Fills a basket and prices it. Every figure is exact to the cent: lineTotal = quantity × unitPrice,
/// subtotal = Σ lineTotal, tax = VAT on (subtotal − discount), total = subtotal − discount + tax + shipping.
/// A product brings its companions along now and then (<see cref="Companions"/>).
/// </summary>
public static class Basket
{
    private const int MaxLines = 12;
    private static readonly int[] QuantityShape = [1, 1, 1, 1, 2, 2, 2, 3, 4, 6];

    public static IReadOnlyList<OrderItem> Fill(ProductCatalogue catalogue, Shop shop, Random random)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(shop);
        ArgumentNullException.ThrowIfNull(random);
        // 1 to 12 lines, most baskets 3 to 7 (a companion may join a product beyond that).
        var lines = Math.Clamp((int)Math.Round(2 + random.NextDouble() * 3 + random.NextDouble() * 4 - (random.NextDouble() < 0.2 ? 3 : 0)), 1, MaxLines);
        lines = Math.Min(lines, catalogue.Products.Count);
        var items = new List<OrderItem>(lines);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var attempt = 0; items.Count < lines && attempt < lines * 4; attempt++)
        {
            var product = catalogue.PickPopular(random);
            if (!seen.Add(product.ProductId))
            {
                continue;
            }
            items.Add(Line(product, shop, random));
            foreach (var companion in catalogue.CompanionsOf(product))
            {
                if (random.NextDouble() < Companions.JoinChance && items.Count < MaxLines && seen.Add(companion.ProductId))
                {
                    items.Add(Line(companion, shop, random));
                }
            }
        }
        return items;
    }

    private static OrderItem Line(Product product, Shop shop, Random random)
    {
        var quantity = QuantityShape[random.Next(QuantityShape.Length)];
        var price = product.PriceIn(shop.PriceFactor);
        return new OrderItem
        {
            ProductId = product.ProductId,
            ProductName = product.Name,
            Category = product.Category,
            Brand = product.Brand,
            Quantity = quantity,
            UnitPrice = price,
            UnitCost = Product.CostOf(price, product.CostShare),
            LineTotal = Cents(quantity * price),
        };
    }

    public static (decimal Subtotal, decimal Discount, decimal Tax, decimal Shipping, decimal Total) Price(
        IReadOnlyList<OrderItem> items, Shop shop, string? coupon)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(shop);
        var subtotal = items.Sum(i => i.LineTotal);
        var discount = coupon switch
        {
            Coupons.Welcome => Cents(subtotal * 0.10m),
            Coupons.Fresh when subtotal >= 30m => 5m,
            Coupons.Summer => Cents(subtotal * 0.15m),
            _ => 0m,
        };
        var net = subtotal - discount;
        var tax = Cents(net * shop.VatRate);
        var shipping = net >= shop.FreeShippingFrom ? 0m : shop.ShippingFee;
        return (subtotal, discount, tax, shipping, net + tax + shipping);
    }

    public static decimal Cents(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}

/// <summary>The coupon codes shops hand out: a welcome discount, a fixed amount off, a seasonal campaign.</summary>
public static class Coupons
{
    public const string Welcome = "WELCOME10";
    public const string Fresh = "FRESH5";
    public const string Summer = "SUMMER15";

    public static string? Pick(bool newCustomer, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var roll = random.NextDouble();
        return newCustomer && roll < 0.35 ? Welcome : roll < 0.06 ? Fresh : roll < 0.09 ? Summer : null;
    }
}
