using System.ComponentModel;
using FoodFast.Analytics.Api.Security;
using FoodFast.Analytics.Api.Security.Auditing;
using FoodFast.Analytics.Reports.Delivery;
using FoodFast.Analytics.Reports.Files;
using FoodFast.Analytics.Reports.Jobs;
using FoodFast.Analytics.ServiceData.ReportJobs;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace FoodFast.Analytics.Api.Reports;

/// <summary>
/// Report downloads: with an analyst key (the caller's shop only; another shop's id is 404), or with a signed link
/// (<c>?expires=&amp;signature=</c>, see <see cref="DownloadLinks"/>) and no key at all. A forged or altered link is 403,
/// an expired one 410.
/// </summary>
internal static class ReportDownloadsApi
{
    /// <summary>The download under <paramref name="app"/> (the API's version group), its old path under <paramref name="aliases"/>.</summary>
    public static void MapReportDownloadsApi(this IEndpointRouteBuilder app, IEndpointRouteBuilder aliases)
    {
        app.MapGet("/reports/{id:guid}/download", Download).WithTags("Reports").WithName("DownloadReport").Audited("report.download")
            .WithSummary("The report file (ETag = SHA-256); 409 while not ready, 410 once expired or erased. A signed link (expires, signature) needs no key.")
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(410);
        aliases.MapGet("/reports/{id:guid}/download", Download).WithTags("Reports").WithName("DownloadReportAlias").Audited("report.download")
            .WithSummary("Alias of GET /api/v1/reports/{id}/download.");
    }

    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Download(Guid id, HttpContext http, ReportJobStore jobs, IFileStore files, DownloadLinks links,
        CancellationToken cancellationToken,
        [Description("Signed links only: when the link stops working, in Unix seconds.")] string? expires = null,
        [Description("Signed links only: hex HMAC-SHA256 over the id and expires; with it no API key is needed.")] string? signature = null)
    {
        string? shopScope = null; // a valid signature grants this one report, whatever its shop
        if (signature is not null || expires is not null)
        {
            var check = await links.CheckAsync(id, expires, signature, cancellationToken);
            if (check != LinkCheck.Valid)
            {
                return check == LinkCheck.Expired
                    ? TypedResults.Problem(statusCode: StatusCodes.Status410Gone, title: "Download link expired",
                        detail: $"This link to report {id} expired; ask for a new one or download with an API key.",
                        extensions: new Dictionary<string, object?> { ["field"] = "expires" })
                    : TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Invalid download link",
                        detail: "The signature does not match this report and expiry: the link was changed or not issued by this service.",
                        extensions: new Dictionary<string, object?> { ["field"] = "signature" });
            }
        }
        else
        {
            shopScope = http.GetCaller().ShopId;
        }
        if (await jobs.FindAsync(id, shopScope, cancellationToken) is not { } job)
        {
            return ReportsApi.NotFound(id);
        }
        http.SetAuditTarget($"reports/{id}", job.ShopId);
        if (job.Status == ReportStatus.Expired)
        {
            return ReportsApi.Gone(id, job.ExpiresAt);
        }
        if (job.Status == ReportStatus.Erased)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status410Gone, title: "Report erased",
                detail: $"The file of report {id} was deleted by a customer erasure; request the report again.");
        }
        if (job.Status != ReportStatus.Succeeded || job.FileKey is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Report not ready",
                detail: $"Report {id} is {job.Status}" + (job.Error is null ? "" : $": {job.Error}") + "; download it once it has succeeded.",
                extensions: new Dictionary<string, object?> { ["reportStatus"] = job.Status, ["progress"] = job.Progress });
        }
        if (await files.OpenReadAsync(job.FileKey, cancellationToken) is not { } stream)
        {
            return ReportsApi.Gone(id, job.ExpiresAt);
        }
        return TypedResults.Stream(stream, job.ContentType, job.FileName, new DateTimeOffset(job.FinishedAt!.Value.UtcDateTime),
            new EntityTagHeaderValue($"\"{job.Sha256}\""));
    }
}
