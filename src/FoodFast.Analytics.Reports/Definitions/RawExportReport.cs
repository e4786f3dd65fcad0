using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Reports.Documents;

namespace FoodFast.Analytics.Reports.Definitions;

/// <summary>raw_orders, raw_order_items and raw_events: every row of the dataset in the period, streamed from the export source.</summary>
public sealed class RawExportReport(string kind, string title, string dataset) : IReportDefinition
{
    public static readonly RawExportReport Orders = new("raw_orders", "Orders", Datasets.Orders);
    public static readonly RawExportReport OrderItems = new("raw_order_items", "Order items", Datasets.OrderItems);
    public static readonly RawExportReport Events = new("raw_events", "Events", Datasets.Events);

    public string Kind => kind;

    public int DefaultDays => 30;

    public Task<ReportDocument> BuildAsync(ReportContext context, CancellationToken cancellationToken)
    {
        var range = new ExportRange(context.ShopId, context.Period.From, context.Period.To);
        var table = ExportTables.Table(title, dataset, context.Exports, range, at => context.Position.MoveTo(at, context.Period), cancellationToken,
            slowRowsBy: context.RowDelayMilliseconds);
        return Task.FromResult(new ReportDocument
        {
            Title = title,
            ShopId = context.ShopLabel,
            Period = context.Period,
            Parameters = ReportFacts.Describe(context, new KeyValuePair<string, string>("Dataset", dataset)),
            Tables = [table],
        });
    }
}
