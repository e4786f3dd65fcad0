using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Reports.Documents;

namespace FoodFast.Analytics.Reports.Definitions;

/// <summary>Every product's revenue, units, orders and margin (main table, by revenue), and the categories.</summary>
public sealed class ProductPerformanceReport : IReportDefinition
{
    public string Kind => "product_performance";

    public int DefaultDays => 30;

    public async Task<ReportDocument> BuildAsync(ReportContext context, CancellationToken cancellationToken)
    {
        var products = await context.RunAsync(context.Query(Datasets.OrderItems, "revenue", "units", "order_count", "gross_margin", "margin_rate") with
        {
            GroupBy = ["product"], Sort = new QuerySort("revenue"), Limit = QueryLimits.MaxLimit,
        }, cancellationToken);
        var categories = await context.RunAsync(context.Query(Datasets.OrderItems, "revenue", "units", "order_count") with { GroupBy = ["category"] }, cancellationToken);
        return new ReportDocument
        {
            Title = "Product performance",
            ShopId = context.ShopLabel,
            Period = context.Period,
            Parameters = ReportFacts.Describe(context),
            Charts = [QueryTables.Chart("Revenue by product", ChartKind.Bar, products, "revenue", labelColumn: 1)],
            Tables = [QueryTables.Table("Products", products), QueryTables.Table("Categories", categories)],
        };
    }
}
