using FoodFast.Analytics.Core.Orders;
using FoodFast.Analytics.SampleData.Generation;

namespace FoodFast.Analytics.SampleData.Output;

/// <summary>Counts of what a run produced, overall and per shop, for the progress bars and the summary table.</summary>
public sealed class RunStatistics
{
    private readonly Dictionary<string, ShopFigures> shops = new(StringComparer.Ordinal);

    public long Orders { get; private set; }
    public long OrderVersions { get; private set; }
    public long Events { get; private set; }
    public long Items => OrderVersions + Events;
    public IReadOnlyDictionary<string, ShopFigures> Shops => shops;

    public void Count(GeneratedItem item)
    {
        if (!shops.TryGetValue(item.ShopId, out var figures))
        {
            shops[item.ShopId] = figures = new ShopFigures();
        }
        if (item.Order is { } order)
        {
            OrderVersions++;
            figures.OrderVersions++;
            if (order.Status == OrderStatus.Created)
            {
                Orders++;
                figures.Orders++;
                figures.Currency = order.Currency;
                figures.Revenue += order.Total;
            }
        }
        else
        {
            Events++;
            figures.Events++;
        }
    }
}

public sealed class ShopFigures
{
    public long Orders { get; set; }
    public long OrderVersions { get; set; }
    public long Events { get; set; }
    public decimal Revenue { get; set; }
    public string Currency { get; set; } = "";
}
