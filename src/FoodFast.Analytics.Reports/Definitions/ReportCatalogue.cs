namespace FoodFast.Analytics.Reports.Definitions;

/// <summary>Every report kind, by the name clients use.</summary>
public static class ReportCatalogue
{
    private static readonly IReadOnlyList<IReportDefinition> Definitions =
    [
        new SalesSummaryReport(), PeriodSalesReport.Daily, PeriodSalesReport.Weekly, PeriodSalesReport.Monthly,
        new ProductPerformanceReport(), new CustomerBehaviorReport(),
        RawExportReport.Orders, RawExportReport.OrderItems, RawExportReport.Events, new CustomReport(),
    ];

    private static readonly Dictionary<string, IReportDefinition> ByKind = Definitions.ToDictionary(d => d.Kind);

    public static IReadOnlyList<string> Kinds { get; } = [.. Definitions.Select(d => d.Kind)];

    public static IReportDefinition? Find(string? kind) => kind is not null && ByKind.TryGetValue(kind, out var found) ? found : null;
}
