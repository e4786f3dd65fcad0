using FoodFast.Analytics.Core.Retention;
using FoodFast.Analytics.ServiceData.Retention;

namespace FoodFast.Analytics.Api.Retention;

/// <summary>The retention policy of every dataset, when the job runs next, and each dataset's last run.</summary>
/// <param name="Schedule">The Quartz cron expression (UTC) of the Postgres job.</param>
public sealed record RetentionStatus(string Backend, string Schedule, int BatchSize, DateTimeOffset? NextRunAt, IReadOnlyList<DatasetRetention> Datasets);

/// <param name="Days">How long rows are kept; 0 keeps them forever.</param>
/// <param name="DateField">The time a row's age is measured from.</param>
/// <param name="EnforcedBy"><c>retention_job</c> (batched deletes on Postgres; whole monthly order indices on Elasticsearch), <c>lifecycle_policy</c> (events on Elasticsearch: ILM / OpenSearch ISM) or <c>none</c> (kept forever).</param>
public sealed record DatasetRetention(string Dataset, int Days, string DateField, string EnforcedBy, DatasetRun? LastRun);

/// <summary>One run over every dataset, in a fixed order.</summary>
public sealed record RetentionRunResult(Guid RunId, string Trigger, long RowsDeleted, IReadOnlyList<DatasetRun> Datasets);

/// <param name="Cutoff">Rows older than this were deleted; null when nothing is deleted by this job.</param>
/// <param name="Outcome"><c>succeeded</c>, <c>failed</c> (see <c>error</c>), <c>kept</c> (0 days) or <c>lifecycle_policy</c>.</param>
public sealed record DatasetRun(Guid RunId, string Dataset, string Trigger, DateTimeOffset? Cutoff, long RowsDeleted,
    DateTimeOffset StartedAt, DateTimeOffset FinishedAt, string Outcome, string? Error)
{
    public static DatasetRun From(RetentionRunRecord r) =>
        new(r.RunId, r.Dataset, r.Trigger, r.Cutoff, r.RowsDeleted, r.StartedAt, r.FinishedAt, r.Outcome, r.Error);
}

internal static class RetentionDateFields
{
    public static string Of(string dataset) => dataset switch
    {
        RetentionDatasets.Events => "occurredAt",
        RetentionDatasets.Orders => "updatedAt",
        RetentionDatasets.DeadLetters => "failedAt",
        RetentionDatasets.ReportFiles => "finishedAt",
        _ => "at",
    };
}
