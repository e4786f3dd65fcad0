using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Reports.Documents;

namespace FoodFast.Analytics.Reports.Definitions;

/// <summary>Activity by event type (main table), daily users and sessions, conversion, and customers who ordered.</summary>
public sealed class CustomerBehaviorReport : IReportDefinition
{
    public string Kind => "customer_behavior";

    public int DefaultDays => 30;

    public async Task<ReportDocument> BuildAsync(ReportContext context, CancellationToken cancellationToken)
    {
        var overview = await context.RunAsync(context.Query(Datasets.Events, "event_count", "unique_users", "unique_sessions", "conversion_rate"), cancellationToken);
        var byType = await context.RunAsync(context.Query(Datasets.Events, "event_count", "unique_users", "unique_sessions") with { GroupBy = ["event_type"] }, cancellationToken);
        var daily = await context.RunAsync(context.Query(Datasets.Events, "unique_users", "unique_sessions") with { Bucket = TimeBucket.Day }, cancellationToken);
        var customers = await context.RunAsync(context.Query(Datasets.Orders, "distinct_customers", "new_customers", "returning_customers"), cancellationToken);
        return new ReportDocument
        {
            Title = "Customer behaviour",
            ShopId = context.ShopLabel,
            Period = context.Period,
            Parameters = ReportFacts.Describe(context),
            Kpis = [.. QueryTables.Kpis(overview, "event_count", "unique_users", "unique_sessions", "conversion_rate"),
                .. QueryTables.Kpis(customers, "distinct_customers", "new_customers", "returning_customers")],
            Charts = [QueryTables.Chart("Daily sessions", ChartKind.Line, daily, "unique_sessions")],
            Tables = [QueryTables.Table("Events by type", byType), QueryTables.Table("Daily users", daily)],
        };
    }
}
