using System.Globalization;
using FoodFast.Analytics.Core.Orders;

namespace FoodFast.Analytics.Core.Live;

/// <summary>
/// The fields of one shop's minute bucket (a Redis hash) and how they add up. Money is kept as integer
/// ten-thousandths (HINCRBY), not floats (HINCRBYFLOAT), so sums are exact and the rebuild reproduces them to the cent.
/// <list type="bullet">
/// <item><c>orders</c>: orders first seen in the minute; <c>rev:EUR</c>: their totals</item>
/// <item><c>u:{product}</c> units, <c>o:{product}</c> orders, <c>r:EUR:{product}</c> line totals, <c>n:{product}</c> name</item>
/// </list>
/// </summary>
public static class MinuteFields
{
    public const string Orders = "orders";
    private const decimal Scale = 10_000m;

    public static long ToUnits(decimal money) => (long)decimal.Round(money * Scale, MidpointRounding.AwayFromZero);

    public static decimal FromUnits(long units) => units / Scale;

    public static string Revenue(string currency) => "rev:" + currency;

    /// <summary>The increments one order adds to its minute, and the product names to set.</summary>
    public static (List<KeyValuePair<string, long>> Increments, List<KeyValuePair<string, string>> Names) ForOrder(Order order)
    {
        var increments = new List<KeyValuePair<string, long>> { new(Orders, 1), new(Revenue(order.Currency), ToUnits(order.Total)) };
        var names = new List<KeyValuePair<string, string>>();
        foreach (var line in order.Items.GroupBy(i => i.ProductId))
        {
            increments.Add(new("u:" + line.Key, line.Sum(i => (long)i.Quantity)));
            increments.Add(new("o:" + line.Key, 1));
            increments.Add(new($"r:{order.Currency}:{line.Key}", ToUnits(line.Sum(i => i.LineTotal))));
            names.Add(new("n:" + line.Key, line.First().ProductName));
        }
        return (increments, names);
    }

    /// <summary>Reads one bucket's fields into <paramref name="into"/>.</summary>
    public static void Accumulate(IEnumerable<KeyValuePair<string, string>> fields, BucketSum into)
    {
        foreach (var (field, value) in fields)
        {
            if (field.StartsWith("n:", StringComparison.Ordinal))
            {
                into.Product(field[2..]).Name = value;
                continue;
            }
            var number = long.Parse(value, CultureInfo.InvariantCulture);
            if (field == Orders)
            {
                into.Orders += number;
            }
            else if (field.StartsWith("rev:", StringComparison.Ordinal))
            {
                Add(into.Revenue, field[4..], number);
            }
            else if (field.StartsWith("u:", StringComparison.Ordinal))
            {
                into.Product(field[2..]).Units += number;
            }
            else if (field.StartsWith("o:", StringComparison.Ordinal))
            {
                into.Product(field[2..]).Orders += number;
            }
            else if (field.StartsWith("r:", StringComparison.Ordinal) && field.IndexOf(':', 2) is var colon and > 2)
            {
                Add(into.Product(field[(colon + 1)..]).Revenue, field[2..colon], number);
            }
        }
    }

    private static void Add(Dictionary<string, long> sums, string key, long units) =>
        sums[key] = sums.GetValueOrDefault(key) + units;
}

/// <summary>The sum of some minute buckets, in ten-thousandths, as read back from Redis.</summary>
public sealed class BucketSum
{
    public long Orders { get; set; }
    public Dictionary<string, long> Revenue { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, ProductSum> Products { get; } = new(StringComparer.Ordinal);

    public ProductSum Product(string id) => Products.TryGetValue(id, out var p) ? p : Products[id] = new ProductSum();

    public IReadOnlyDictionary<string, decimal> Money() => ToMoney(Revenue);

    public ProductFigures ProductFigures(string id) => Products.TryGetValue(id, out var p)
        ? new ProductFigures(id, p.Name, p.Units, p.Orders, ToMoney(p.Revenue))
        : new ProductFigures(id, null, 0, 0, new Dictionary<string, decimal>());

    /// <summary>Most units first; ties by product id so the order is stable.</summary>
    public IReadOnlyList<ProductFigures> Top(int count) => Products
        .OrderByDescending(p => p.Value.Units).ThenBy(p => p.Key, StringComparer.Ordinal).Take(count)
        .Select(p => ProductFigures(p.Key)).ToList();

    private static Dictionary<string, decimal> ToMoney(Dictionary<string, long> units) =>
        units.OrderBy(u => u.Key, StringComparer.Ordinal).ToDictionary(u => u.Key, u => MinuteFields.FromUnits(u.Value));
}

public sealed class ProductSum
{
    public string? Name { get; set; }
    public long Units { get; set; }
    public long Orders { get; set; }
    public Dictionary<string, long> Revenue { get; } = new(StringComparer.Ordinal);
}
