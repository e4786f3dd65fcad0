using FoodFast.Analytics.Core.Storage;
using static FoodFast.Analytics.IntegrationTests.Contract.ContractData;

namespace FoodFast.Analytics.IntegrationTests.Contract;

/// <summary>The export source: every row, in time order then id, for a shop (or all), over [from, to).</summary>
public abstract partial class AnalyticsStoreContract
{
    [Fact]
    public async Task Exported_orders_are_the_shops_newest_versions_in_creation_order()
    {
        var store = await StoreAsync();

        var orders = await store.Exports.OrdersAsync(new ExportRange("shop-a", From, To), Ct).ToListAsync(Ct);

        Assert.Equal(["a-1", "a-2", "a-4", "a-3"], orders.Select(o => o.OrderId));
        Assert.Equal(["delivered", "delivered", "cancelled", "refunded"], orders.Select(o => o.Status));
        Assert.Equal(new ExportedOrder("shop-a", "a-4", "c3", "cancelled", A4.CreatedAt, A4.UpdatedAt, "GBP", "android", "apple_pay", "GB", "London", null,
            10.00m, 0m, 2.00m, 3.00m, 15.00m, 4, 1), orders[2]);
    }

    [Fact]
    public async Task Exports_of_all_shops_and_of_order_lines_and_events_keep_the_range_half_open()
    {
        var store = await StoreAsync();

        var all = await store.Exports.OrdersAsync(new ExportRange(null, From, To), Ct).ToListAsync(Ct);
        var lines = await store.Exports.OrderItemsAsync(new ExportRange("shop-a", From, To), Ct).ToListAsync(Ct);
        var events = await store.Exports.EventsAsync(new ExportRange("shop-a", From, To), Ct).ToListAsync(Ct);
        var upToB2 = await store.Exports.OrdersAsync(new ExportRange("shop-b", From, B2.CreatedAt), Ct).ToListAsync(Ct);

        Assert.Equal(["a-1", "a-2", "b-1", "a-4", "a-3", "b-2"], all.Select(o => o.OrderId));
        Assert.Equal([("a-1", 1), ("a-2", 1), ("a-2", 2), ("a-4", 1), ("a-3", 1)], lines.Select(l => (l.OrderId, l.LineNo)));
        Assert.Equal(new ExportedOrderItem("shop-a", "a-2", 2, "p1", "Käsespätzle", "ready_meals", "FoodFast", 1, 4.50m, 3.00m, 4.50m, "c2", "delivered",
            A2.CreatedAt, "EUR", "DE", "ios"), lines[2]);
        Assert.Equal(9, events.Count);
        Assert.Equal(events.OrderBy(e => e.OccurredAt).Select(e => e.EventId), events.Select(e => e.EventId));
        Assert.Equal(["milch", "käse"], events.Where(e => e.Type == "search").Select(e => e.Query));
        Assert.Equal(["b-1"], upToB2.Select(o => o.OrderId));
    }
}
