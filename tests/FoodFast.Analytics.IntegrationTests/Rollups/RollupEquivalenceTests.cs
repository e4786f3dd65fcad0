using FoodFast.Analytics.Core.Caching;
using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Retention;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.IntegrationTests.Contract;
using FoodFast.Analytics.IntegrationTests.Infrastructure;
using FoodFast.Analytics.Postgres.Storage;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.IntegrationTests.Rollups;

/// <summary>
/// One database, read by two stores: one answering from the hourly rollups where it can, one from the rows only.
/// Loaded with the contract's data and <see cref="RollupData"/>, then changed the ways rows change after they land:
/// retention deletes the oldest orders and an erasure rewrites a customer's.
/// </summary>
public sealed class RollupStoresFixture : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private AnalyticsDatabase? _analytics;

    public IAnalyticsStore FromRollups { get; private set; } = null!;
    public IAnalyticsStore FromRows { get; private set; } = null!;
    public long OrdersDeleted { get; private set; }
    public long EventsDeleted { get; private set; }

    public async ValueTask InitializeAsync()
    {
        await _database.CreateAsync();
        _analytics = new AnalyticsDatabase(_database.ConnectionString);
        FromRollups = PostgresStoreFixture.AsRegistered(_analytics);
        FromRows = PostgresStoreFixture.AsRegistered(_analytics, new PostgresStoreOptions { UseRollups = false });
        await FromRollups.EnsureReadyAsync(CancellationToken.None);
        await ContractData.LoadAsync(FromRollups.Sink);
        await RollupData.LoadAsync(FromRollups.Sink);
        var deleted = await FromRollups.Retention.DeleteOlderThanAsync(RetentionDatasets.Orders, RollupData.Start.AddHours(30), 25, CancellationToken.None);
        OrdersDeleted = deleted.Values.Sum();
        deleted = await FromRollups.Retention.DeleteOlderThanAsync(RetentionDatasets.Events, RollupData.Start.AddHours(20), 25, CancellationToken.None);
        EventsDeleted = deleted.Values.Sum();
        await FromRollups.Erasure.EraseAsync("shop-r1", "c7", CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _analytics!.DisposeAsync();
        await _database.DropAsync();
    }
}

/// <summary>
/// The rollups answer exactly what the rows answer, to the cent, for every query shape of the contract suite and of
/// the dashboard, sales and financial endpoints, in whole-hour and partial-hour ranges and in zones with and without
/// whole-hour offsets; and <c>meta.source</c> says which was read. Which shapes the rollups must answer is written
/// out here by hand, so a plan that quietly fell back to the rows would fail.
/// </summary>
public sealed class RollupEquivalenceTests(RollupStoresFixture stores) : IClassFixture<RollupStoresFixture>
{
    private static readonly DimensionFilter Euro = new("currency", ["EUR"]);

    /// <summary>Each shape, and whether the rollups can answer it in a zone a whole number of hours from UTC.</summary>
    private static readonly Dictionary<string, (AnalyticsQuery Query, bool Rollup)> Shapes = new()
    {
        ["orders kpis"] = (Q(Datasets.Orders, "revenue", "order_count", "aov", "gross_sales", "discount_total", "shipping_total", "tax_total", "units", "items_per_order", "free_shipping_orders"), true),
        ["orders refunds and cancellations by day"] = (Q(Datasets.Orders, "revenue", "refund_count", "refund_total", "cancelled_count", "cancelled_total", "net_revenue", "refund_rate", "cancellation_rate") with { Bucket = TimeBucket.Day }, true),
        ["orders by hour"] = (Q(Datasets.Orders, "revenue", "order_count") with { Bucket = TimeBucket.Hour }, true),
        ["orders by week"] = (Q(Datasets.Orders, "revenue", "order_count") with { Bucket = TimeBucket.Week }, true),
        ["orders by month"] = (Q(Datasets.Orders, "revenue") with { Bucket = TimeBucket.Month }, true),
        ["orders by status"] = (Q(Datasets.Orders, "order_count", "revenue") with { GroupBy = ["status"] }, true),
        ["orders by channel"] = (Q(Datasets.Orders, "order_count", "revenue") with { GroupBy = ["channel"] }, true),
        ["orders by payment method"] = (Q(Datasets.Orders, "order_count", "revenue", "aov") with { GroupBy = ["payment_method"] }, true),
        ["orders by country and city"] = (Q(Datasets.Orders, "revenue", "order_count") with { GroupBy = ["country", "city"] }, true),
        ["orders by city, top 2"] = (Q(Datasets.Orders, "revenue", "order_count") with { GroupBy = ["city"], Top = 2 }, true),
        ["orders by currency"] = (Q(Datasets.Orders, "revenue") with { GroupBy = ["currency"] }, true),
        ["orders by day of week"] = (Q(Datasets.Orders, "order_count") with { GroupBy = ["day_of_week"], Filters = [Euro] }, true),
        ["orders by hour of day"] = (Q(Datasets.Orders, "order_count", "revenue") with { GroupBy = ["hour_of_day"] }, true),
        ["orders in DE by city, by day"] = (Q(Datasets.Orders, "revenue") with { GroupBy = ["city"], Bucket = TimeBucket.Day, Filters = [new("country", ["DE"])] }, true),
        ["orders not cancelled by status"] = (Q(Datasets.Orders, "revenue") with { GroupBy = ["status"], Filters = [new("status", ["cancelled"], Exclude: true)] }, true),
        ["orders compared with the previous period"] = (Q(Datasets.Orders, "revenue", "order_count", "aov") with { Compare = ComparisonPeriod.PreviousPeriod }, true),
        ["orders compared with the previous year, by day"] = (Q(Datasets.Orders, "revenue") with { Bucket = TimeBucket.Day, Compare = ComparisonPeriod.PreviousYear }, true),
        ["orders sorted and limited"] = (Q(Datasets.Orders, "revenue") with { GroupBy = ["city"], Sort = new QuerySort("revenue"), Limit = 3 }, true),
        ["orders of every shop"] = (Q(Datasets.Orders, "revenue", "order_count") with { ShopId = null, GroupBy = ["currency"] }, true),
        ["orders by payment method and status (no grouping set has both)"] = (Q(Datasets.Orders, "order_count") with { GroupBy = ["status"], Filters = [new("payment_method", ["card"])] }, false),
        ["orders within a total range"] = (Q(Datasets.Orders, "order_count") with { Ranges = [new("total", 10m, 30m)] }, false),
        ["new and returning customers"] = (Q(Datasets.Orders, "distinct_customers", "new_customers", "returning_customers") with { Bucket = TimeBucket.Day }, false),
        ["lines kpis"] = (Q(Datasets.OrderItems, "revenue", "units", "line_count", "costed_revenue", "cost", "gross_margin", "margin_rate"), true),
        ["top 5 products"] = (Q(Datasets.OrderItems, "revenue", "units") with { GroupBy = ["product"], Limit = 5 }, true),
        ["products, top 3 and the rest"] = (Q(Datasets.OrderItems, "revenue", "units") with { GroupBy = ["product"], Top = 3, Filters = [Euro] }, true),
        ["categories by day"] = (Q(Datasets.OrderItems, "revenue", "gross_margin") with { GroupBy = ["category"], Bucket = TimeBucket.Day }, true),
        ["brands in a category"] = (Q(Datasets.OrderItems, "units") with { GroupBy = ["brand"], Filters = [new("category", ["dairy", "frozen"])] }, true),
        ["one product's days"] = (Q(Datasets.OrderItems, "revenue", "units") with { Bucket = TimeBucket.Day, Filters = [new("product", ["p3"])] }, true),
        ["products by country (no grouping set)"] = (Q(Datasets.OrderItems, "revenue") with { GroupBy = ["country"] }, false),
        ["orders with a product (distinct)"] = (Q(Datasets.OrderItems, "order_count", "distinct_customers") with { GroupBy = ["category"] }, false),
        ["conversion by hour of day"] = (Q(Datasets.Events, "conversion_rate", "unique_users") with { GroupBy = ["hour_of_day"] }, true),
        ["activity by week"] = (Q(Datasets.Events, "unique_sessions", "event_count") with { Bucket = TimeBucket.Week }, true),
        ["events kpis"] = (Q(Datasets.Events, "event_count", "unique_users", "unique_sessions", "purchasing_sessions", "conversion_rate", "review_count", "average_rating"), true),
        ["activity by day"] = (Q(Datasets.Events, "event_count", "unique_users", "unique_sessions") with { Bucket = TimeBucket.Day }, true),
        ["activity by type (no grouping set)"] = (Q(Datasets.Events, "event_count", "unique_users", "unique_sessions") with { GroupBy = ["event_type"] }, false),
        ["conversion by event category (no grouping set)"] = (Q(Datasets.Events, "conversion_rate") with { GroupBy = ["event_category", "hour_of_day"] }, false),
        ["sessions with a cart (no grouping set)"] = (Q(Datasets.Events, "unique_sessions") with { Bucket = TimeBucket.Week, Filters = [new("event_type", ["add_to_cart"])] }, false),
        ["conversion compared with the previous period"] = (Q(Datasets.Events, "conversion_rate", "unique_sessions") with { Compare = ComparisonPeriod.PreviousPeriod }, true),
        ["events of every shop"] = (Q(Datasets.Events, "event_count", "unique_users") with { ShopId = null }, true),
        ["events by device (no grouping set)"] = (Q(Datasets.Events, "event_count") with { GroupBy = ["device"] }, false),
        ["searches without results (a range)"] = (Q(Datasets.Events, "event_count") with { Ranges = [new("results_count", null, 0)], Filters = [new("event_type", ["search"])] }, false),
    };

    /// <summary>Ranges: whole UTC hours; Berlin's local days across the DST change; partial hours at both ends.</summary>
    private static readonly Dictionary<string, (DateTimeOffset From, DateTimeOffset To, string Zone)> Windows = new()
    {
        ["UTC whole hours"] = (RollupData.Start, RollupData.Start.AddDays(7), "UTC"),
        ["Berlin local days"] = (new(2026, 10, 19, 22, 0, 0, TimeSpan.Zero), new(2026, 10, 26, 23, 0, 0, TimeSpan.Zero), "Europe/Berlin"),
        ["New York, partial hours"] = (new(2026, 10, 20, 5, 17, 23, TimeSpan.Zero), new(2026, 10, 26, 19, 42, 10, TimeSpan.Zero), "America/New_York"),
        ["Kolkata (+05:30), partial hours"] = (new(2026, 10, 20, 5, 17, 23, TimeSpan.Zero), new(2026, 10, 26, 19, 42, 10, TimeSpan.Zero), "Asia/Kolkata"),
    };

    private static AnalyticsQuery Q(string dataset, params string[] metrics) => new() { Dataset = dataset, Metrics = metrics, ShopId = "shop-r1" };

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var shape in Shapes.Keys)
        {
            foreach (var window in Windows.Keys)
            {
                cases.Add(shape, window);
            }
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_rollups_answer_what_the_rows_answer(string shape, string window)
    {
        var (query, rollup) = Shapes[shape];
        var (from, to, zone) = Windows[window];
        query = query with { From = from, To = to, TimeZone = zone };
        var readsLocalTime = query.Bucket is not null || query.GroupBy.Any(d => d is "day_of_week" or "hour_of_day");
        rollup &= !(zone == "Asia/Kolkata" && readsLocalTime);

        var fromRows = await RunAsync(stores.FromRows, query);
        var fromRollups = await RunAsync(stores.FromRollups, query);

        Assert.Equal(AnalyticsStoreContract.Table(fromRows), AnalyticsStoreContract.Table(fromRollups));
        Assert.NotEmpty(fromRows.Rows);
        Assert.Equal(ResultMeta.Sources.Raw, fromRows.Meta.Source);
        Assert.Equal(rollup ? ResultMeta.Sources.Rollup : ResultMeta.Sources.Raw, fromRollups.Meta.Source);
    }

    [Fact]
    public void The_data_changed_after_it_landed()
    {
        Assert.True(stores.OrdersDeleted > 0, "retention deleted no order, so the rollups' deletes went untested");
        Assert.True(stores.EventsDeleted > 0, "retention deleted no event, so the rollups' deletes went untested");
    }

    private static async Task<QueryResult> RunAsync(IAnalyticsStore store, AnalyticsQuery query)
    {
        var engine = new QueryEngine(store, new MemoryQueryCache(new MemoryCache(new MemoryCacheOptions())), Options.Create(new CacheOptions()), TimeProvider.System);
        var answer = await engine.RunAsync(query, TestContext.Current.CancellationToken);
        Assert.True(answer.Result is not null, string.Join("; ", answer.Problems));
        return answer.Result!;
    }
}
