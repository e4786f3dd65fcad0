using System.ComponentModel;
using FoodFast.Analytics.Api.Errors;
using FoodFast.Analytics.Api.Queries;
using FoodFast.Analytics.Api.Security.Auditing;
using FoodFast.Analytics.Api.Security;
using FoodFast.Analytics.Core.Validation;
using FoodFast.Analytics.Reports.Definitions;
using FoodFast.Analytics.Reports.Delivery;
using FoodFast.Analytics.Reports.Files;
using FoodFast.Analytics.Reports.Jobs;
using FoodFast.Analytics.Reports.Writers;
using FoodFast.Analytics.ServiceData.ReportJobs;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Api.Reports;

/// <summary>
/// Report jobs: request (202 + Location), poll, history, cancel/delete, and the FoodFast aliases under
/// <c>/reports</c> (downloads: <see cref="ReportDownloadsApi"/>). A caller bound to a shop sees only its shop's jobs: another shop's id answers 404.
/// </summary>
internal static class ReportsApi
{
    public const int MaxPageSize = 100;

    /// <summary>The jobs under <paramref name="app"/> (the API's version group), their old paths under <paramref name="aliases"/>.</summary>
    public static void MapReportsApi(this IEndpointRouteBuilder app, IEndpointRouteBuilder aliases)
    {
        var reports = app.MapGroup("/reports").WithTags("Reports");
        reports.MapPost("", Create).WithName("CreateReport").Audited("report.create")
            .WithSummary("Queues a report (kind, format, parameters); 202 with the job and its Location.");
        reports.MapGet("/{id:guid}", Get).WithName("GetReport").WithSummary("A report job: status, progress, file.").ProducesProblem(404);
        reports.MapGet("", List).WithName("ListReports").WithSummary("Report history, newest first, paged; filter by status, kind, scheduleId.");
        reports.MapDelete("/{id:guid}", Delete).WithName("DeleteReport").Audited("report.delete")
            .WithSummary("Cancels a queued or running report (200 with the job), or deletes a finished one and its file (204).").ProducesProblem(404);

        var old = aliases.MapGroup("/reports").WithTags("Reports");
        old.MapPost("/generate", Create).WithName("GenerateReport").Audited("report.create").WithSummary("Alias of POST /api/v1/reports.");
        old.MapGet("/history", List).WithName("GetReportHistory").WithSummary("Alias of GET /api/v1/reports.");
        old.MapGet("/{id:guid}", Get).WithName("GetReportAlias").WithSummary("Alias of GET /api/v1/reports/{id}.");
    }

    public static async Task<Results<Accepted<ReportJobResponse>, ValidationProblem>> Create(CreateReportRequest request, Caller caller, HttpContext http, ReportRequests requests,
        ReportWriters writers, IOptions<DeliveryOptions> delivery, CancellationToken cancellationToken)
    {
        var parameters = request.Parameters ?? new ReportParameters();
        var problems = ReportValidation.Check(request.Kind, request.Format, parameters, writers);
        problems.AddRange(DeliveryValidation.Check(request.Delivery, delivery.Value.WebhookSecret is not null, delivery.Value.AllowPrivateNetworkWebhooks));
        if (problems.Count > 0)
        {
            return FieldProblems.Invalid(problems, "Invalid report request");
        }
        var shop = caller.ResolveShop(request.ShopId);
        var job = await requests.CreateAsync(new NewReport(shop, request.Kind!, request.Format!, parameters, caller.Id, Delivery: request.Delivery), cancellationToken);
        http.SetAuditTarget($"reports/{job.Id}", shop);
        return TypedResults.Accepted($"/api/v1/reports/{job.Id}", ReportJobResponse.From(job));
    }

    public static async Task<Results<Ok<ReportJobResponse>, ProblemHttpResult>> Get(Guid id, Caller caller, ReportJobStore jobs, CancellationToken cancellationToken) =>
        await jobs.FindAsync(id, caller.ShopId, cancellationToken) is { } job ? TypedResults.Ok(ReportJobResponse.From(job)) : NotFound(id);

    public static async Task<Results<Ok<ReportPage>, ValidationProblem>> List(Caller caller, [AsParameters] ShopSelection shop, ReportJobStore jobs, CancellationToken cancellationToken,
        [Description("queued, running, succeeded, failed, cancelled, expired or erased.")] string? status = null,
        [Description("A report kind, e.g. sales_summary.")] string? kind = null,
        [Description("Only the runs of this schedule.")] Guid? scheduleId = null,
        [Description("1-based page number.")] int page = 1,
        [Description("Jobs per page, 1-100.")] int pageSize = 20)
    {
        var errors = new List<FieldProblem>();
        if (status is not null && !ReportStatus.All.Contains(status))
        {
            errors.Add(new("status", $"'{status}' is not a status; valid: {string.Join(", ", ReportStatus.All)}"));
        }
        if (kind is not null && ReportCatalogue.Find(kind) is null)
        {
            errors.Add(new("kind", $"'{kind}' is not a report kind; valid: {string.Join(", ", ReportCatalogue.Kinds)}"));
        }
        if (page < 1)
        {
            errors.Add(new("page", "must be 1 or more"));
        }
        if (pageSize is < 1 or > MaxPageSize)
        {
            errors.Add(new("pageSize", $"must be 1 to {MaxPageSize}"));
        }
        if (errors.Count > 0)
        {
            return FieldProblems.Invalid(errors, "Invalid report filter");
        }
        var (items, total) = await jobs.ListAsync(new ReportJobFilter(caller.ResolveShop(shop.ShopId), status, kind, scheduleId, page, pageSize), cancellationToken);
        return TypedResults.Ok(new ReportPage(page, pageSize, total, items.Select(ReportJobResponse.From).ToList()));
    }

    public static async Task<Results<Ok<ReportJobResponse>, NoContent, ProblemHttpResult>> Delete(Guid id, Caller caller, HttpContext http, ReportJobStore jobs, ReportScheduler scheduler, IFileStore files,
        CancellationToken cancellationToken)
    {
        if (await jobs.FindAsync(id, caller.ShopId, cancellationToken) is not { } job)
        {
            return NotFound(id);
        }
        http.SetAuditTarget($"reports/{id}", job.ShopId);
        if (await jobs.CancelAsync(id, cancellationToken))
        {
            await scheduler.InterruptAsync(id, cancellationToken);
            return TypedResults.Ok(ReportJobResponse.From((await jobs.FindAsync(id, caller.ShopId, cancellationToken))!));
        }
        if (job.FileKey is { } key)
        {
            await files.DeleteAsync(key, cancellationToken);
        }
        await jobs.DeleteAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }

    internal static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Report not found", detail: $"There is no report {id} for you.",
            extensions: new Dictionary<string, object?> { ["field"] = "id" });

    internal static ProblemHttpResult Gone(Guid id, DateTimeOffset? expiredAt) =>
        TypedResults.Problem(statusCode: StatusCodes.Status410Gone, title: "Report expired",
            detail: $"The file of report {id} expired{(expiredAt is { } at ? $" at {at:O}" : "")} and was deleted; request the report again.");
}
