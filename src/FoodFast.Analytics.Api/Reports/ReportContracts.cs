using FoodFast.Analytics.Reports.Definitions;
using FoodFast.Analytics.Reports.Delivery;
using FoodFast.Analytics.Reports.Jobs;

namespace FoodFast.Analytics.Api.Reports;

/// <summary>A report request: <c>kind</c> (sales_summary, daily_sales, ...), <c>format</c> (csv, xlsx, pdf, html, json), parameters, shop,
/// and optional delivery targets (e-mail, webhook) served once the report is finished.</summary>
public sealed record CreateReportRequest(string? Kind, string? Format, ReportParameters? Parameters, string? ShopId, IReadOnlyList<DeliveryTarget>? Delivery = null);

public sealed record ReportPage(int Page, int PageSize, int Total, IReadOnlyList<ReportJobResponse> Items);
