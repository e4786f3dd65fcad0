namespace FoodFast.Analytics.Core.Queries.Compositions;

/// <summary>
/// A sales report over whole local days: totals, the top 10 products by line revenue, and a breakdown per
/// hour, day or week. The endpoints of /api/v1/reports choose the days; this chooses the questions.
/// </summary>
public static class SalesReportQueries
{
    public const int TopProducts = 10;

    /// <summary>Three queries over the window, in the order of <see cref="SalesReport"/>: totals, top products, breakdown.</summary>
    public static IReadOnlyList<AnalyticsQuery> Queries(AnalyticsQuery window, TimeBucket breakdown) =>
    [
        window with { Dataset = Datasets.Orders, Metrics = ["revenue", "order_count", "units", "aov", "refund_total", "cancelled_total", "net_revenue"] },
        window with { Dataset = Datasets.OrderItems, Metrics = ["revenue", "units"], GroupBy = ["product"], Sort = new QuerySort("revenue"), Limit = TopProducts },
        window with { Dataset = Datasets.Orders, Metrics = ["revenue", "order_count", "units"], Bucket = breakdown },
    ];
}

/// <param name="Period">day, week, month or range.</param>
/// <param name="FirstDay">First local day of the report; LastDay the last (inclusive).</param>
/// <param name="Totals">revenue, order_count, units (items), aov, refund_total, cancelled_total and net_revenue (per currency):
/// net_revenue = revenue - refund_total - cancelled_total, every term shown.</param>
/// <param name="TopProducts">the 10 products with the most line revenue.</param>
/// <param name="Breakdown">revenue, order_count and units per hour (day report), day (week, range) or week (month).</param>
public sealed record SalesReport(string Period, DateOnly FirstDay, DateOnly LastDay, string TimeZone, QueryResult Totals, QueryResult TopProducts, QueryResult Breakdown);
