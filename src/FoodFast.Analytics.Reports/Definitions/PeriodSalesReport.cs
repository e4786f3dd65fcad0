using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Reports.Documents;

namespace FoodFast.Analytics.Reports.Definitions;

/// <summary>
/// daily_sales, weekly_sales and monthly_sales: revenue, orders, items, AOV, and net revenue with the refunds and
/// cancellations it deducts, over the last day, 7 days or
/// 30 days (unless from/to say otherwise), the trend (hourly for a day, daily otherwise) as the main table,
/// the top 10 products and a breakdown by status and payment method.
/// </summary>
public sealed class PeriodSalesReport(string kind, string title, int defaultDays) : IReportDefinition
{
    public static readonly PeriodSalesReport Daily = new("daily_sales", "Daily sales", 1);
    public static readonly PeriodSalesReport Weekly = new("weekly_sales", "Weekly sales", 7);
    public static readonly PeriodSalesReport Monthly = new("monthly_sales", "Monthly sales", 30);

    public string Kind => kind;

    public int DefaultDays => defaultDays;

    public async Task<ReportDocument> BuildAsync(ReportContext context, CancellationToken cancellationToken)
    {
        var bucket = context.Period.To - context.Period.From <= TimeSpan.FromDays(2) ? TimeBucket.Hour : TimeBucket.Day;
        // Net revenue beside the deductions that explain it: revenue - refunds - cancelled.
        var totals = await context.RunAsync(context.Query(Datasets.Orders, "revenue", "order_count", "units", "aov", "refund_total", "cancelled_total", "net_revenue"), cancellationToken);
        var trend = await context.RunAsync(context.Query(Datasets.Orders, "revenue", "order_count", "units") with { Bucket = bucket }, cancellationToken);
        var top = await context.RunAsync(context.Query(Datasets.OrderItems, "revenue", "units") with
        {
            GroupBy = ["product"], Sort = new QuerySort("revenue"), Limit = 10,
        }, cancellationToken);
        var byStatus = await context.RunAsync(context.Query(Datasets.Orders, "order_count", "revenue") with { GroupBy = ["status"] }, cancellationToken);
        var byPayment = await context.RunAsync(context.Query(Datasets.Orders, "order_count", "revenue") with { GroupBy = ["payment_method"] }, cancellationToken);
        return new ReportDocument
        {
            Title = title,
            ShopId = context.ShopLabel,
            Period = context.Period,
            Parameters = ReportFacts.Describe(context),
            Kpis = [.. QueryTables.Kpis(totals, "revenue", "order_count", "units", "aov", "refund_total", "cancelled_total", "net_revenue")],
            Charts = [QueryTables.Chart("Revenue", ChartKind.Line, trend, "revenue")],
            Tables =
            [
                QueryTables.Table(bucket == TimeBucket.Hour ? "Hourly trend" : "Daily trend", trend),
                QueryTables.Table("Top 10 products", top),
                QueryTables.Table("By status", byStatus),
                QueryTables.Table("By payment method", byPayment),
            ],
        };
    }
}
