using FoodFast.Analytics.Core.Orders;
using FoodFast.Analytics.Core.Retention;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.Contract;

/// <summary>
/// What every backend's retention face must do, read back through the store's own export source. Orders last changed
/// before the cutoff go with their lines (Postgres a row at a time, Elasticsearch a whole month at a time: the fixture
/// keeps each month either wholly old or holding a newer change), and an old order changed after the cutoff stays.
/// Events older than the cutoff are deleted by the run, or, on a backend whose lifecycle policy deletes them, refused
/// and left in place. Each test writes shops of its own and data from 2020, far before the shared fixture's.
/// </summary>
public abstract class RetentionContract
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateTimeOffset Cutoff = new(2020, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset February = new(2020, 2, 10, 12, 0, 0, TimeSpan.Zero);

    protected abstract Task<IAnalyticsStore> StoreAsync();

    /// <summary>Makes what the sink wrote visible to reads (an Elasticsearch refresh; nothing on Postgres).</summary>
    protected abstract Task RefreshAsync();

    [Fact]
    public async Task Orders_last_changed_before_the_cutoff_go_with_their_lines_and_the_others_stay()
    {
        var store = await StoreAsync();
        var shop = $"ret-{Guid.NewGuid():N}"[..20];
        var other = shop + "-b";
        var twoLines = Old(shop, "o-2", February.AddDays(5));
        twoLines = twoLines with { Items = [.. twoLines.Items, twoLines.Items[0] with { ProductId = "p-2", ProductName = "Brezel" }] };
        // Created in March 2020, refunded today: kept, and on Elasticsearch it keeps its whole month.
        var refunded = Old(shop, "o-3", February.AddMonths(1)) with { Status = OrderStatus.Refunded, UpdatedAt = Sample.Now };
        await ContractData.WriteAsync(store.Sink, SinkItem.Of(Old(shop, "o-1", February)), SinkItem.Of(twoLines), SinkItem.Of(refunded),
            SinkItem.Of(Sample.Order(shop, "o-4")), SinkItem.Of(Old(other, "o-1", February)));
        await RefreshAsync();

        var deleted = await store.Retention.DeleteOlderThanAsync(RetentionDatasets.Orders, Cutoff, batch: 1, Ct);
        await RefreshAsync();

        Assert.Equal([$"{shop}:2", $"{other}:1"], deleted.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}:{p.Value}"));
        var range = Since2020(shop);
        Assert.Equal(["o-3", "o-4"], await store.Exports.OrdersAsync(range, Ct).Select(o => o.OrderId).Order().ToListAsync(Ct));
        Assert.Equal(["o-3:1", "o-4:1"], await store.Exports.OrderItemsAsync(range, Ct).Select(l => $"{l.OrderId}:{l.LineNo}").Order().ToListAsync(Ct));
        Assert.Empty(await store.Exports.OrdersAsync(Since2020(other), Ct).ToListAsync(Ct));
        Assert.Empty(await store.Retention.DeleteOlderThanAsync(RetentionDatasets.Orders, Cutoff, batch: 1, Ct));
    }

    [Fact]
    public async Task Events_before_the_cutoff_are_deleted_by_the_run_unless_the_lifecycle_policy_deletes_them()
    {
        var store = await StoreAsync();
        var shop = $"ret-{Guid.NewGuid():N}"[..20];
        var other = shop + "-b";
        var recent = Sample.Event(shop);
        await ContractData.WriteAsync(store.Sink, SinkItem.Of(Sample.Event(shop) with { OccurredAt = February }),
            SinkItem.Of(Sample.Event(shop) with { OccurredAt = February.AddDays(30) }), SinkItem.Of(Sample.Event(other) with { OccurredAt = February }),
            SinkItem.Of(recent));
        await RefreshAsync();

        if (store.Retention.EventsByLifecyclePolicy)
        {
            await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.Retention.DeleteOlderThanAsync(RetentionDatasets.Events, Cutoff, batch: 1, Ct));
            Assert.Equal(3, (await store.Exports.EventsAsync(Since2020(shop), Ct).ToListAsync(Ct)).Count);
            return;
        }
        var deleted = await store.Retention.DeleteOlderThanAsync(RetentionDatasets.Events, Cutoff, batch: 1, Ct);
        await RefreshAsync();

        Assert.Equal([$"{shop}:2", $"{other}:1"], deleted.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}:{p.Value}"));
        Assert.Equal([recent.EventId], await store.Exports.EventsAsync(Since2020(shop), Ct).Select(e => e.EventId).ToListAsync(Ct));
        Assert.Empty(await store.Exports.EventsAsync(Since2020(other), Ct).ToListAsync(Ct));
    }

    private static Order Old(string shop, string id, DateTimeOffset at) => Sample.Order(shop, id, updatedAt: at) with { CreatedAt = at };

    private static ExportRange Since2020(string shop) => new(shop, new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), Sample.Now.AddDays(1));
}
