using FoodFast.Analytics.Core.Events;
using FoodFast.Analytics.Core.Orders;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.Contract;

/// <summary>
/// What every backend's erasure must do, read back through the store's own export source: the customer's events in that
/// shop are gone, their orders and lines carry one pseudonym and every other value unchanged, the order location is
/// dropped, and another shop's customer with the same id is untouched. Each test writes its own shops, so it can run
/// against a store that other tests read.
/// </summary>
public abstract class CustomerErasureContract
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly ExportRange Day = new(null, Sample.Now.AddDays(-1), Sample.Now.AddDays(1));

    protected abstract Task<IAnalyticsStore> StoreAsync();

    /// <summary>Makes what the sink wrote visible to reads (an Elasticsearch refresh; nothing on Postgres).</summary>
    protected abstract Task RefreshAsync();

    /// <summary>How many of the shop's orders still carry a location (not part of the export records).</summary>
    protected abstract Task<long> LocatedOrdersAsync(string shopId);

    [Fact]
    public async Task Erasure_removes_the_customers_events_and_identity_in_that_shop_and_keeps_every_amount()
    {
        var store = await StoreAsync();
        var shop = $"erase-{Guid.NewGuid():N}"[..22];
        var other = shop + "-b";
        var berlin = new GeoPoint(52.52, 13.40);
        var twoLines = Sample.Order(shop, "e-2") with { CustomerId = "c-x" };
        twoLines = twoLines with { Items = [.. twoLines.Items, twoLines.Items[0] with { ProductId = "p-2", ProductName = "Brezel" }], Subtotal = 17.00m, Total = 20.50m };
        await ContractData.WriteAsync(store.Sink,
            SinkItem.Of(Sample.Order(shop, "e-1") with { CustomerId = "c-x", Location = berlin }), SinkItem.Of(twoLines),
            SinkItem.Of(Sample.Order(shop, "e-3") with { CustomerId = "c-y", Location = berlin }),
            SinkItem.Of(Sample.Order(other, "e-1") with { CustomerId = "c-x", Location = berlin }),
            SinkItem.Of(Visit(shop, "c-x")), SinkItem.Of(Visit(shop, "c-x")), SinkItem.Of(Visit(shop, "c-y")), SinkItem.Of(Visit(other, "c-x")));
        await RefreshAsync();
        var before = await ReadAsync(store, shop);
        var otherBefore = await ReadAsync(store, other);

        var counts = await store.Erasure.EraseAsync(shop, "c-x", Ct);
        var again = await store.Erasure.EraseAsync(shop, "c-x", Ct);

        Assert.Equal((2L, 2L, 3L), (counts.EventsDeleted, counts.OrdersPseudonymised, counts.LinesPseudonymised));
        Assert.StartsWith("erased-", counts.Pseudonym, StringComparison.Ordinal);
        Assert.Equal((0L, 0L, 0L), (again.EventsDeleted, again.OrdersPseudonymised, again.LinesPseudonymised));
        var after = await ReadAsync(store, shop);
        string? Erased(string? customer) => customer == "c-x" ? counts.Pseudonym : customer;
        Assert.Equal(before.Orders.Select(o => o with { CustomerId = Erased(o.CustomerId) }), after.Orders);
        Assert.Equal(before.Lines.Select(l => l with { CustomerId = Erased(l.CustomerId) }), after.Lines);
        Assert.Equal(before.Events.Where(e => e.UserId != "c-x"), after.Events);
        Assert.Equal([counts.Pseudonym, counts.Pseudonym, "c-y"], after.Orders.Select(o => o.CustomerId));
        Assert.Equal((1L, 1L), (await LocatedOrdersAsync(shop), await LocatedOrdersAsync(other)));
        var otherAfter = await ReadAsync(store, other);
        Assert.Equal(otherBefore.Orders, otherAfter.Orders);
        Assert.Equal(otherBefore.Lines, otherAfter.Lines);
        Assert.Equal(otherBefore.Events, otherAfter.Events);
        Assert.Equal("c-x", Assert.Single(otherAfter.Events).UserId);
    }

    private static ActivityEvent Visit(string shop, string user) => Sample.Event(shop) with { UserId = user };

    private static async Task<(List<ExportedOrder> Orders, List<ExportedOrderItem> Lines, List<ExportedEvent> Events)> ReadAsync(IAnalyticsStore store, string shop)
    {
        var range = Day with { ShopId = shop };
        return (await store.Exports.OrdersAsync(range, Ct).ToListAsync(Ct), await store.Exports.OrderItemsAsync(range, Ct).ToListAsync(Ct),
            await store.Exports.EventsAsync(range, Ct).ToListAsync(Ct));
    }
}
