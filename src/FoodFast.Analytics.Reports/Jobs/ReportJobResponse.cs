using System.Text.Json;
using FoodFast.Analytics.Core.Wire;
using FoodFast.Analytics.Reports.Definitions;
using FoodFast.Analytics.Reports.Delivery;
using FoodFast.Analytics.ServiceData.ReportJobs;

namespace FoodFast.Analytics.Reports.Jobs;

/// <summary>A report job as clients see it (without the file's storage key). <c>Attempts</c> is 2 or more after a crash recovery;
/// <c>Delivery</c> is each delivery target (without its secret) and how its delivery went. <c>Parameters</c> echo what the
/// caller sent; <c>Defaults</c> the values applied for what it left out (the time zone, the days of the period).</summary>
public sealed record ReportJobResponse(
    Guid Id, string? ShopId, string Kind, string Format, ReportParameters Parameters, string Status, int Progress, long RowsWritten,
    string? FileName, long? SizeBytes, string? Sha256, string? ContentType, string? Error, string RequestedBy,
    DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, DateTimeOffset? ExpiresAt, Guid? ScheduleId,
    int Attempts, string? DownloadUrl, IReadOnlyList<DeliveryOutcome>? Delivery, IReadOnlyDictionary<string, object>? Defaults = null)
{
    public static ReportJobResponse From(ReportJobRecord job)
    {
        var parameters = JsonSerializer.Deserialize<ReportParameters>(job.Parameters, WireJson.Options) ?? new ReportParameters();
        return new(job.Id, job.ShopId, job.Kind, job.Format, parameters,
            job.Status, job.Progress, job.RowsWritten, job.FileName, job.SizeBytes, job.Sha256, job.ContentType, job.Error, job.RequestedBy,
            job.CreatedAt, job.StartedAt, job.FinishedAt, job.ExpiresAt, job.ScheduleId, job.Attempts,
            job.Status == ReportStatus.Succeeded ? $"/api/v1/reports/{job.Id}/download" : null,
            DeliveryJson.Outcomes(job.Delivery) is { Count: > 0 } delivery ? delivery.Select(d => d.Public()).ToList() : null,
            Applied(parameters, ReportCatalogue.Find(job.Kind)));
    }

    private static Dictionary<string, object>? Applied(ReportParameters parameters, IReportDefinition? definition)
    {
        var defaults = new Dictionary<string, object>(StringComparer.Ordinal);
        if (parameters.TimeZone is null && parameters.Tz is null)
        {
            defaults["timeZone"] = "UTC";
        }
        if (parameters.From is null && parameters.Days is null && definition is not null)
        {
            defaults["days"] = definition.DefaultDays;
        }
        return defaults.Count > 0 ? defaults : null;
    }
}
