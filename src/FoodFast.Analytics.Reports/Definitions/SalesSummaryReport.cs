using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Reports.Documents;

namespace FoodFast.Analytics.Reports.Definitions;

/// <summary>KPIs, the daily trend (the main table), top products, categories and payment methods.</summary>
public sealed class SalesSummaryReport : IReportDefinition
{
    public string Kind => "sales_summary";

    public int DefaultDays => 30;

    public async Task<ReportDocument> BuildAsync(ReportContext context, CancellationToken cancellationToken)
    {
        var kpis = await context.RunAsync(context.Query(Datasets.Orders, "revenue", "order_count", "aov", "units", "distinct_customers"), cancellationToken);
        var trend = await context.RunAsync(context.Query(Datasets.Orders, "revenue", "order_count", "aov") with { Bucket = TimeBucket.Day }, cancellationToken);
        var products = await context.RunAsync(context.Query(Datasets.OrderItems, "revenue", "units", "order_count") with
        {
            GroupBy = ["product"], Sort = new QuerySort("revenue"), Limit = 10,
        }, cancellationToken);
        var categories = await context.RunAsync(context.Query(Datasets.OrderItems, "revenue", "units") with { GroupBy = ["category"] }, cancellationToken);
        var payments = await context.RunAsync(context.Query(Datasets.Orders, "revenue", "order_count") with { GroupBy = ["payment_method"] }, cancellationToken);
        return new ReportDocument
        {
            Title = "Sales summary",
            ShopId = context.ShopLabel,
            Period = context.Period,
            Parameters = ReportFacts.Describe(context),
            Kpis = [.. QueryTables.Kpis(kpis, "revenue", "order_count", "aov", "units", "distinct_customers")],
            Charts =
            [
                QueryTables.Chart("Daily revenue", ChartKind.Line, trend, "revenue"),
                QueryTables.Chart("Top products by revenue", ChartKind.Bar, products, "revenue", labelColumn: 1),
            ],
            Tables =
            [
                QueryTables.Table("Daily trend", trend),
                QueryTables.Table("Top products", products),
                QueryTables.Table("Categories", categories),
                QueryTables.Table("Payment methods", payments),
            ],
        };
    }
}
