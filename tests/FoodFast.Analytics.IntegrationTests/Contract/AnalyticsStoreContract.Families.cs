using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Queries.Families;
using static FoodFast.Analytics.IntegrationTests.Contract.ContractData;

namespace FoodFast.Analytics.IntegrationTests.Contract;

/// <summary>Funnels, cohorts, segments and search: the families that are not plain aggregates.</summary>
public abstract partial class AnalyticsStoreContract
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_funnel_counts_sessions_reaching_each_step_in_order()
    {
        var store = await StoreAsync();

        var sessions = await store.Families.FunnelAsync(new FunnelQuery("shop-a", From, To, FunnelQuery.DefaultSteps, FunnelUnit.Session, TimeSpan.FromDays(1)), Ct);
        var users = await store.Families.FunnelAsync(new FunnelQuery("shop-a", From, To, FunnelQuery.DefaultSteps, FunnelUnit.User, TimeSpan.FromDays(1)), Ct);
        var tightWindow = await store.Families.FunnelAsync(new FunnelQuery("shop-a", From, To, FunnelQuery.DefaultSteps, FunnelUnit.Session, TimeSpan.FromMinutes(12)), Ct);

        Assert.Equal([3L, 2, 1, 1], sessions);
        Assert.Equal([2L, 2, 1, 1], users);
        Assert.Equal([3L, 2, 1, 0], tightWindow);
        Assert.Equal(
            [new FunnelStep("product_view", 3, 1m, 1m, 0), new FunnelStep("add_to_cart", 2, 0.6667m, 0.6667m, 1),
             new FunnelStep("checkout_start", 1, 0.5m, 0.3333m, 1), new FunnelStep("purchase", 1, 1m, 0.3333m, 0)],
            FunnelResult.Build(FunnelQuery.DefaultSteps, sessions));
    }

    [Fact]
    public async Task Shops_are_summarised_from_their_orders_and_a_shop_without_orders_is_left_out()
    {
        var store = await StoreAsync();

        var all = await store.Families.ShopsAsync(new ShopQuery(null), Ct);
        var some = await store.Families.ShopsAsync(new ShopQuery(["shop-b", "shop-none"]), Ct);

        Assert.Equal(
            ["shop-a|2026-10-24T21:30:00Z|2026-10-25T23:30:00Z|4|EUR,GBP", "shop-b|2026-10-25T09:00:00Z|2026-10-26T09:00:00Z|2|EUR"],
            all.Select(Line).Where(line => line.StartsWith("shop-a|", StringComparison.Ordinal) || line.StartsWith("shop-b|", StringComparison.Ordinal)));
        Assert.Equal(all.Select(s => s.ShopId).Order(StringComparer.Ordinal), all.Select(s => s.ShopId));
        Assert.Equal(["shop-b|2026-10-25T09:00:00Z|2026-10-26T09:00:00Z|2|EUR"], some.Select(Line));

        static string Line(ShopSummary s) => $"{s.ShopId}|{s.FirstOrderAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}|{s.LastOrderAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}|{s.Orders}|{string.Join(',', s.Currencies)}";
    }

    [Fact]
    public async Task Retention_cohorts_follow_customers_from_their_first_order()
    {
        var store = await StoreAsync();
        var october = new DateTimeOffset(2026, 9, 30, 22, 0, 0, TimeSpan.Zero);

        var cohorts = await store.Families.RetentionAsync(new RetentionQuery("shop-a", october, october.AddMonths(1), Zone, TimeBucket.Month, 2), Ct);

        var cohort = Assert.Single(cohorts);
        Assert.Equal("2026-10-01", cohort.Cohort);
        Assert.Equal(3, cohort.Size);
        Assert.Equal([3L, 0], cohort.Active);
    }

    [Fact]
    public async Task Every_customer_falls_in_exactly_one_rfm_segment()
    {
        var store = await StoreAsync();

        var segments = (await store.Families.SegmentsAsync(new SegmentQuery("shop-a", new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero), 365), Ct))
            .OrderBy(s => s.Name, StringComparer.Ordinal).ToList();

        Assert.Equal(["loyal", "new"], segments.Select(s => s.Name));
        Assert.Equal((2L, 1.5m, 29.5m), (segments[0].Customers, segments[0].AverageOrders, segments[0].AverageRecencyDays));
        Assert.Equal(24.59m, segments[0].Monetary["EUR"]);
        Assert.Equal((1L, 15.00m), (segments[1].Customers, segments[1].Monetary["GBP"]));
    }

    [Fact]
    public async Task Stock_levels_are_each_products_latest_update_up_to_the_moment_asked()
    {
        var store = await StoreAsync();
        static DateTimeOffset Oct(int day, int hour) => new(2026, 10, day, hour, 0, 0, TimeSpan.Zero);

        var now = await store.Families.StockAsync(new StockQuery("shop-a", From), Ct);
        var earlier = await store.Families.StockAsync(new StockQuery("shop-a", Oct(21, 9)), Ct);
        var everyShop = await store.Families.StockAsync(new StockQuery(null, From), Ct);

        Assert.Equal(
            [new StockLevel("shop-a", "p1", null, 5, Oct(20, 10)), new StockLevel("shop-a", "p2", "Brezel", 7, Oct(22, 8)), new StockLevel("shop-a", "p4", "Earl Grey", 30, Oct(21, 9))],
            now);
        // At exactly 09:00 the p4 updates count (AsOf is inclusive) and p2's Oct 22 update does not yet.
        Assert.Equal(["p1:5", "p2:12", "p4:30"], earlier.Select(l => $"{l.ProductId}:{l.Level}"));
        Assert.Equal(["shop-a:p1:5", "shop-a:p2:7", "shop-a:p4:30", "shop-b:p5:0"], everyShop.Select(l => $"{l.ShopId}:{l.ProductId}:{l.Level}"));
    }

    [Fact]
    public async Task Search_finds_orders_by_product_name_and_events_by_query_newest_first()
    {
        var store = await StoreAsync();

        var (total, hits) = await store.Families.SearchAsync(new SearchQuery("shop-a", "käse", SearchTarget.All, 0, 10), Ct);
        var (ordersOnly, _) = await store.Families.SearchAsync(new SearchQuery("shop-a", "KÄSESPÄTZLE", SearchTarget.Orders, 0, 10), Ct);
        var (otherShop, _) = await store.Families.SearchAsync(new SearchQuery("shop-b", "käse", SearchTarget.All, 0, 10), Ct);
        var (_, secondPage) = await store.Families.SearchAsync(new SearchQuery("shop-a", "käse", SearchTarget.All, 1, 2), Ct);

        Assert.Equal(3, total);
        Assert.Equal(["event", "order:a-2", "order:a-1"], hits.Select(h => h.Type == "order" ? $"order:{h.Id}" : h.Type));
        Assert.Equal("search: käse", hits[0].Summary);
        Assert.Equal("delivered 6.96 EUR: Brezel, Käsespätzle", hits[1].Summary);
        Assert.Equal(2, ordersOnly);
        Assert.Equal(0, otherShop);
        Assert.Equal("a-1", Assert.Single(secondPage).Id);
    }

    [Fact]
    public async Task Each_search_type_answers_alone()
    {
        var store = await StoreAsync();

        var (eventTotal, events) = await store.Families.SearchAsync(new SearchQuery("shop-a", "käse", SearchTarget.Events, 0, 10), Ct);
        var (orderTotal, orders) = await store.Families.SearchAsync(new SearchQuery("shop-a", "käse", SearchTarget.Orders, 0, 10), Ct);

        Assert.Equal(1, eventTotal);
        Assert.Equal(("event", "search: käse"), (Assert.Single(events).Type, events[0].Summary));
        Assert.Equal(2, orderTotal);
        Assert.Equal(["a-2", "a-1"], orders.Select(h => h.Id));
        Assert.All(orders, h => Assert.Equal("order", h.Type));
    }
}
