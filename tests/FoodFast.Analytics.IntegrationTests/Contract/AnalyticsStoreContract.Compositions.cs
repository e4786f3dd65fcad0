using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Queries.Compositions;
using static FoodFast.Analytics.IntegrationTests.Contract.ContractData;

namespace FoodFast.Analytics.IntegrationTests.Contract;

/// <summary>Engagement and the JSON sales reports: several queries composed into one answer, checked on the store.</summary>
public abstract partial class AnalyticsStoreContract
{
    private async Task<List<QueryResult>> RunAllAsync(IEnumerable<AnalyticsQuery> queries)
    {
        var results = new List<QueryResult>();
        foreach (var query in queries)
        {
            results.Add(await RunAsync(query));
        }
        return results;
    }

    /// <summary>Whole local days in Berlin: [first, last] inclusive.</summary>
    private static AnalyticsQuery LocalDays(int first, int last) => Query(Datasets.Orders) with
    {
        From = new DateTimeOffset(2026, 10, first, 0, 0, 0, TimeSpan.FromHours(2)),
        To = new DateTimeOffset(2026, 10, last + 1, 0, 0, 0, TimeSpan.FromHours(last + 1 > 25 ? 1 : 2)),
    };

    [Fact]
    public async Task Engagement_counts_daily_weekly_and_monthly_active_users_before_the_windows_end()
    {
        // The window ends at Oct 27 00:00 local: the last day holds u1's visit in s3; the last 7 and 30 days u1 and u2.
        var engagement = EngagementQueries.Result(await RunAllAsync(EngagementQueries.Queries(Query(Datasets.Events))));

        Assert.Equal((1m, 2m, 2m, 0.5m), (engagement.Dau, engagement.Wau, engagement.Mau, engagement.Stickiness));
        Assert.Equal(["2026-10-24|0", "2026-10-25|2", "2026-10-26|1"], Table(engagement.DailyActiveUsers));
    }

    [Fact]
    public async Task The_daily_sales_report_covers_the_25_hour_day_with_totals_top_products_and_hours()
    {
        // Oct 25 local: a-2 (00:30 CEST, EUR) and a-4 (11:00 CET, GBP, cancelled at 13:00 the same day: net 0).
        var day = LocalDays(25, 25);
        var (totals, top, hours) = Three(await RunAllAsync(SalesReportQueries.Queries(day, TimeBucket.Hour)));

        Assert.Equal((new DateTimeOffset(2026, 10, 24, 22, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(25)), (day.From.ToUniversalTime(), day.To - day.From));
        // revenue, order_count, units, aov, refund_total, cancelled_total, net_revenue: the deductions that explain the net.
        Assert.Equal(["GBP|15|1|4|15|0|15|0", "EUR|6.96|1|4|6.96|0|0|6.96"], Table(totals));
        Assert.Equal(["p4|Earl Grey|GBP|10|4", "p1|Käsespätzle|EUR|4.5|1", "p2|Brezel|EUR|3|3"], Table(top));
        // 24 local hour labels (02:00 happens twice and shares one) in two currencies.
        Assert.Equal(48, hours.Rows.Count);
        Assert.Equal(["2026-10-25T00:00|EUR|6.96|1|4", "2026-10-25T11:00|GBP|15|1|4"], Table(hours).Where(row => !row.EndsWith("|0|0|0", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_weekly_sales_report_runs_monday_to_sunday_with_a_daily_breakdown()
    {
        // ISO week Mon Oct 19 - Sun Oct 25: a-1 (11.63) and a-2 (6.96) in EUR, a-4 (15.00, cancelled that week) in GBP;
        // a-3's refund falls on Oct 26, outside. AOV 18.59 / 2 = 9.295, rounded half to even: 9.30.
        var (totals, top, days) = Three(await RunAllAsync(SalesReportQueries.Queries(LocalDays(19, 25), TimeBucket.Day)));

        Assert.Equal(["EUR|18.59|2|6|9.3|0|0|18.59", "GBP|15|1|4|15|0|15|0"], Table(totals));
        Assert.Equal(["p1|Käsespätzle|EUR|13.5|3", "p4|Earl Grey|GBP|10|4", "p2|Brezel|EUR|3|3"], Table(top));
        Assert.Equal(14, days.Rows.Count);
        // Within a day, the larger revenue first (the default order).
        Assert.Equal(["2026-10-24|EUR|11.63|1|2", "2026-10-25|GBP|15|1|4", "2026-10-25|EUR|6.96|1|4"],
            Table(days).Where(row => !row.EndsWith("|0|0|0", StringComparison.Ordinal)));
    }

    private static (QueryResult, QueryResult, QueryResult) Three(List<QueryResult> results) => (results[0], results[1], results[2]);
}
