using System.Globalization;
using FoodFast.Analytics.Core.Caching;
using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Storage;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using static FoodFast.Analytics.IntegrationTests.Contract.ContractData;

namespace FoodFast.Analytics.IntegrationTests.Contract;

/// <summary>
/// What every analytics backend must answer on <see cref="ContractData"/>. A backend's test class supplies the
/// store (loaded once per class); the expected values are computed by hand in the comments of ContractData.
/// </summary>
public abstract partial class AnalyticsStoreContract
{
    /// <summary>The backend under test, with <see cref="ContractData"/> loaded.</summary>
    protected abstract Task<IAnalyticsStore> StoreAsync();

    private async Task<QueryResult> RunAsync(AnalyticsQuery query)
    {
        var engine = new QueryEngine(await StoreAsync(), new MemoryQueryCache(new MemoryCache(new MemoryCacheOptions())),
            Options.Create(new CacheOptions()), TimeProvider.System);
        var answer = await engine.RunAsync(query, TestContext.Current.CancellationToken);
        Assert.True(answer.Result is not null, string.Join("; ", answer.Problems));
        return answer.Result!;
    }

    private static AnalyticsQuery Query(string dataset, params string[] metrics) =>
        new() { Dataset = dataset, Metrics = metrics, From = From, To = To, TimeZone = Zone, ShopId = "shop-a" };

    private static readonly DimensionFilter Euro = new("currency", ["EUR"]);

    /// <summary>Rows as text, numbers without trailing zeros: "2026-10-24|11.63|1".</summary>
    protected internal static string[] Table(QueryResult result) => result.Rows.Select(row => string.Join('|', row.Select(cell =>
        cell.Number is { } d ? d.ToString("0.####", CultureInfo.InvariantCulture) : cell.Text ?? "null"))).ToArray();

    [Fact]
    public async Task Daily_revenue_follows_local_days_across_the_dst_change()
    {
        var result = await RunAsync(Query(Datasets.Orders, "revenue", "order_count") with { Bucket = TimeBucket.Day, Filters = [Euro] });

        Assert.Equal(["2026-10-24|11.63|1", "2026-10-25|6.96|1", "2026-10-26|6|1"], Table(result));
        Assert.Equal(["bucket", "revenue", "order_count"], result.Columns.Select(c => c.Name));
    }

    [Fact]
    public async Task Money_is_grouped_by_currency_and_refunds_and_cancellations_are_booked_on_their_day()
    {
        var result = await RunAsync(Query(Datasets.Orders, "revenue", "order_count", "refund_total", "cancelled_total", "net_revenue"));

        Assert.Equal(["EUR|24.59|3|6|0|18.59", "GBP|15|1|0|15|0"], Table(result));
    }

    [Fact]
    public async Task A_refund_lands_on_the_refund_day_not_the_sale_day()
    {
        var result = await RunAsync(Query(Datasets.Orders, "refund_total", "cancelled_total") with { Bucket = TimeBucket.Day });

        Assert.Equal(["2026-10-24|EUR|0|0", "2026-10-24|GBP|0|0", "2026-10-25|EUR|0|0", "2026-10-25|GBP|0|15", "2026-10-26|EUR|6|0", "2026-10-26|GBP|0|0"], Table(result));
    }

    [Fact]
    public async Task New_and_returning_customers_per_day()
    {
        var result = await RunAsync(Query(Datasets.Orders, "distinct_customers", "new_customers", "returning_customers") with { Bucket = TimeBucket.Day, Filters = [Euro] });

        Assert.Equal(["2026-10-24|1|1|0", "2026-10-25|1|1|0", "2026-10-26|1|0|1"], Table(result));
    }

    [Fact]
    public async Task Products_come_from_order_lines_with_their_names()
    {
        var result = await RunAsync(Query(Datasets.OrderItems, "revenue", "units") with { GroupBy = ["product"], Filters = [Euro] });

        Assert.Equal(["p1|Käsespätzle|13.5|3", "p3|Crème brûlée|6|1", "p2|Brezel|3|3"], Table(result));
    }

    [Fact]
    public async Task Top_n_folds_the_rest_into_other_exactly()
    {
        var result = await RunAsync(Query(Datasets.OrderItems, "revenue", "units", "order_count") with { GroupBy = ["product"], Top = 1, Filters = [Euro] });

        Assert.Equal(["p1|Käsespätzle|13.5|3|2", "other|null|9|4|2"], Table(result));
    }

    [Fact]
    public async Task Gross_margin_counts_only_lines_with_a_known_cost()
    {
        var result = await RunAsync(Query(Datasets.OrderItems, "costed_revenue", "cost", "gross_margin", "margin_rate") with { Filters = [Euro] });

        Assert.Equal(["16.5|10.2|6.3|0.3818"], Table(result));
    }

    [Fact]
    public async Task Conversion_rate_is_purchasing_sessions_over_sessions()
    {
        var result = await RunAsync(Query(Datasets.Events, "event_count", "unique_sessions", "unique_users", "conversion_rate"));

        Assert.Equal(["9|3|2|0.3333"], Table(result));
    }

    [Fact]
    public async Task Events_by_type_with_a_filter_and_a_range()
    {
        var byType = await RunAsync(Query(Datasets.Events, "event_count") with { GroupBy = ["event_type"], Sort = new QuerySort("event_type", Descending: false) });
        var zeroResults = await RunAsync(Query(Datasets.Events, "event_count") with { Filters = [new("event_type", ["search"])], Ranges = [new("results_count", null, 0)] });

        Assert.Equal(["add_to_cart|2", "checkout_start|1", "product_view|3", "purchase|1", "search|2"], Table(byType));
        Assert.Equal(["1"], Table(zeroResults));
    }

    [Fact]
    public async Task A_late_older_update_never_overwrites_the_newer_status()
    {
        var result = await RunAsync(Query(Datasets.Orders, "order_count") with { GroupBy = ["status"], Sort = new QuerySort("status", Descending: false) });

        Assert.Equal(["cancelled|1", "delivered|2", "refunded|1"], Table(result));
    }

    [Fact]
    public async Task Comparison_with_the_previous_period_gives_previous_values_and_change()
    {
        var result = await RunAsync(Query(Datasets.Orders, "revenue", "order_count") with
        {
            From = new DateTimeOffset(2026, 10, 24, 22, 0, 0, TimeSpan.Zero), Filters = [Euro], Compare = ComparisonPeriod.PreviousPeriod,
        });

        Assert.Equal(["12.96|11.63|0.1144|2|1|1"], Table(result));
        Assert.Equal(new DateTimeOffset(2026, 10, 22, 21, 0, 0, TimeSpan.Zero), result.Meta.CompareFrom);
    }

    [Fact]
    public async Task Day_of_week_is_iso_in_the_query_time_zone()
    {
        var result = await RunAsync(Query(Datasets.Orders, "order_count") with { GroupBy = ["day_of_week"], Filters = [Euro], Sort = new QuerySort("day_of_week", Descending: false) });

        Assert.Equal(["1|1", "6|1", "7|1"], Table(result));
    }

    [Fact]
    public async Task A_shop_never_sees_another_shops_data_and_all_shops_sum_both()
    {
        var shopB = await RunAsync(Query(Datasets.Orders, "revenue", "order_count") with { ShopId = "shop-b" });
        var all = await RunAsync(Query(Datasets.Orders, "revenue", "order_count") with { ShopId = null, Filters = [Euro] });
        var shopAProducts = await RunAsync(Query(Datasets.OrderItems, "units") with { GroupBy = ["product"] });

        Assert.Equal(["EUR|25|2"], Table(shopB));
        Assert.Equal(["49.59|5"], Table(all));
        Assert.DoesNotContain(shopAProducts.Rows, row => row[0].Text == "p5");
    }

    [Fact]
    public async Task An_empty_period_is_zeros_not_nothing()
    {
        var result = await RunAsync(Query(Datasets.Orders, "revenue", "order_count", "aov") with
        {
            From = new DateTimeOffset(2026, 8, 31, 22, 0, 0, TimeSpan.Zero), To = new DateTimeOffset(2026, 9, 2, 22, 0, 0, TimeSpan.Zero),
            Bucket = TimeBucket.Day, Filters = [Euro],
        });

        Assert.Equal(["2026-09-01|0|0|null", "2026-09-02|0|0|null"], Table(result));
    }
}
