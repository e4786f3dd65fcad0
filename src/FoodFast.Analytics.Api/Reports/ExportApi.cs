using System.ComponentModel;
using FoodFast.Analytics.Api.Errors;
using FoodFast.Analytics.Api.Security.Auditing;
using FoodFast.Analytics.Api.Security;
using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Core.Validation;
using FoodFast.Analytics.Reports.Definitions;
using FoodFast.Analytics.Reports.Documents;
using FoodFast.Analytics.Reports.Jobs;
using FoodFast.Analytics.Reports.Writers;
using Microsoft.AspNetCore.Http.HttpResults;
using ExportResult = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Accepted<FoodFast.Analytics.Reports.Jobs.ReportJobResponse>,
    Microsoft.AspNetCore.Http.HttpResults.PushStreamHttpResult, Microsoft.AspNetCore.Http.HttpResults.ValidationProblem>;

namespace FoodFast.Analytics.Api.Reports;

/// <summary>
/// <c>GET /api/v1/export/{sales|orders|events|products|customers}</c>: queues the matching report (202, like
/// POST /api/v1/reports), or with <c>stream=true</c> (orders and events, csv or ndjson) streams the rows as they are read.
/// </summary>
internal static class ExportApi
{
    private static readonly Dictionary<string, string> Kinds = new()
    {
        ["sales"] = "sales_summary", ["orders"] = "raw_orders", ["events"] = "raw_events", ["products"] = "product_performance", ["customers"] = "customer_behavior",
    };

    private static readonly Dictionary<string, string> StreamedDatasets = new() { ["orders"] = Datasets.Orders, ["events"] = Datasets.Events };

    public static void MapExportApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/export/{what}", Export).WithName("Export").WithTags("Reports").Audited("report.export")
            .WithSummary("Queues a report of sales, orders, events, products or customers (202), or streams orders/events rows with stream=true.");

    public static async Task<ExportResult> Export(string what, Caller caller, HttpContext http, ReportRequests requests, ReportWriters writers,
        IAnalyticsStore store, CancellationToken cancellationToken,
        [Description("csv, xlsx, pdf, html, json; with stream=true: csv or ndjson. Default csv.")] string? format = null,
        [Description("Start, inclusive (ISO-8601); with to.")] DateTimeOffset? from = null,
        [Description("End, exclusive (ISO-8601); with from.")] DateTimeOffset? to = null,
        [Description("Days back, today included; default 30.")] int? days = null,
        [Description("Alias of timeZone.")] string? tz = null,
        [Description("IANA time zone (alias: tz). Default UTC.")] string? timeZone = null,
        [Description("Shop; callers bound to a shop can only name their own.")] string? shopId = null,
        [Description("Stream rows now instead of queuing a report (orders, events).")] bool stream = false)
    {
        var parameters = new ReportParameters { From = from, To = to, Days = days, Tz = tz, TimeZone = timeZone };
        var chosen = format ?? "csv";
        var shop = caller.ResolveShop(shopId);
        if (!Kinds.TryGetValue(what, out var kind))
        {
            return FieldProblems.Invalid([new("what", $"'{what}' cannot be exported; valid: {string.Join(", ", Kinds.Keys)}")], "Invalid report request");
        }
        if (stream)
        {
            return Streamed(what, chosen, parameters, shop, http, store, writers);
        }
        var problems = ReportValidation.Check(kind, chosen, parameters, writers);
        if (problems.Count > 0)
        {
            return FieldProblems.Invalid(AsQuery(problems), "Invalid report request");
        }
        var job = await requests.CreateAsync(new NewReport(shop, kind, chosen, parameters, caller.Id), cancellationToken);
        http.SetAuditTarget($"reports/{job.Id}", shop);
        return TypedResults.Accepted($"/api/v1/reports/{job.Id}", ReportJobResponse.From(job));
    }

    /// <summary>The report's parameters came from the query string here: name them as the caller sent them (tz, not parameters.tz).</summary>
    private static List<FieldProblem> AsQuery(IEnumerable<FieldProblem> problems) =>
        [.. problems.Select(p => p with { Field = p.Field.StartsWith("parameters.", StringComparison.Ordinal) ? p.Field["parameters.".Length..] : p.Field })];

    private static ExportResult Streamed(string what, string format, ReportParameters parameters, string? shop, HttpContext http, IAnalyticsStore store,
        ReportWriters writers)
    {
        var problems = AsQuery(parameters.Validate());
        if (!StreamedDatasets.TryGetValue(what, out var dataset))
        {
            problems.Add(new("stream", $"only {string.Join(" and ", StreamedDatasets.Keys)} stream; request '{what}' without stream=true"));
        }
        var writer = writers.FindStream(format);
        if (writer is null)
        {
            problems.Add(new("format", $"'{format}' does not stream; valid with stream=true: {string.Join(", ", writers.StreamFormats)}"));
        }
        if (problems.Count > 0)
        {
            return FieldProblems.Invalid(problems, "Invalid report request");
        }
        var (start, end) = parameters.Period(http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(), 30);
        var fileName = $"{what}_{shop ?? "all-shops"}_{start.UtcDateTime:yyyyMMdd}-{end.UtcDateTime:yyyyMMdd}.{format}";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        return TypedResults.Stream(body => StreamAsync(writer!, dataset!, new ExportRange(shop, start, end), parameters, store, body, http.RequestAborted), writer!.ContentType);
    }

    /// <summary>The dataset's rows, read from the export source as the writer writes them.</summary>
    private static Task StreamAsync(IRowStreamingWriter writer, string dataset, ExportRange range, ReportParameters parameters, IAnalyticsStore store,
        Stream body, CancellationToken cancellationToken)
    {
        var document = new ReportDocument
        {
            Title = dataset, ShopId = range.ShopId ?? "all shops", Period = new ReportPeriod(range.From, range.To, parameters.Zone),
            Tables = [ExportTables.Table(dataset, dataset, store.Exports, range, null, cancellationToken)],
        };
        return writer.WriteAsync(document, body, null, cancellationToken);
    }
}
