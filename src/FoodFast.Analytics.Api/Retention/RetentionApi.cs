using FoodFast.Analytics.Api.Security.Auditing;
using FoodFast.Analytics.Core.Retention;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Reports.Jobs;
using FoodFast.Analytics.Reports.Retention;
using FoodFast.Analytics.ServiceData.Retention;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Api.Retention;

/// <summary>
/// <c>/api/v1/admin/retention</c>: how long each dataset is kept, the last run of each, and a run on demand.
/// The job itself runs on Quartz (<c>Retention:Cron</c>); see docs/retention.md.
/// </summary>
internal static class RetentionApi
{
    public static void MapRetentionApi(this IEndpointRouteBuilder app)
    {
        var retention = app.MapGroup("/admin/retention").WithTags("Retention");
        retention.MapGet("", GetDataRetention).WithName("GetDataRetention")
            .WithSummary("The retention of each dataset (days, date field, how it is enforced), the next scheduled run and each dataset's last run.");
        retention.MapPost("/run", RunDataRetention).WithName("RunDataRetention").Audited("retention.run")
            .WithSummary("Runs retention now over every dataset and answers each dataset's outcome; 409 while another run is in progress.")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    public static async Task<RetentionStatus> GetDataRetention(IOptions<RetentionOptions> options, RetentionRunner runner, RetentionRuns runs,
        ReportScheduler scheduler, IAnalyticsStore store, CancellationToken cancellationToken)
    {
        var last = await runs.LastPerDatasetAsync(cancellationToken);
        var datasets = RetentionDatasets.All.Select(dataset =>
        {
            var days = options.Value.DaysOf(dataset);
            return new DatasetRetention(dataset, days, RetentionDateFields.Of(dataset), runner.EnforcedBy(dataset, days),
                last.TryGetValue(dataset, out var run) ? DatasetRun.From(run) : null);
        }).ToList();
        var next = await scheduler.NextRetentionAsync(cancellationToken);
        return new RetentionStatus(store.Backend, options.Value.Cron, options.Value.BatchSize, next, datasets);
    }

    public static async Task<Results<Ok<RetentionRunResult>, ProblemHttpResult>> RunDataRetention(RetentionRunner runner, CancellationToken cancellationToken)
    {
        if (await runner.RunAsync(RetentionRunner.ManualTrigger, cancellationToken) is not { } run)
        {
            return TypedResults.Problem("Another retention run is in progress; try again when it has finished (GET /api/v1/admin/retention shows its outcome).",
                statusCode: StatusCodes.Status409Conflict, title: "Retention run in progress");
        }
        return TypedResults.Ok(new RetentionRunResult(run.RunId, run.Trigger, run.Datasets.Sum(d => d.RowsDeleted),
            [.. run.Datasets.Select(DatasetRun.From)]));
    }
}
