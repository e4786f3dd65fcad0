using System.ComponentModel.DataAnnotations;

namespace FoodFast.Analytics.Core.Retention;

/// <summary>
/// How long each dataset is kept (section <c>Retention</c>), in days; 0 keeps it forever. On Postgres a scheduled job
/// deletes what is older in bounded batches; on Elasticsearch the events lifecycle policy's delete phase follows
/// <see cref="EventsDays"/> and the job deletes whole monthly order indices.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Activity events, by <c>occurredAt</c>. Default 90.</summary>
    [Range(0, 36_500, ErrorMessage = "Retention:EventsDays must be 0 (keep forever) to 36500")]
    public int EventsDays { get; set; } = 90;

    /// <summary>Orders and their lines, by the order's last change (<c>updatedAt</c>). Default 0: orders are financial records, kept forever.</summary>
    [Range(0, 36_500, ErrorMessage = "Retention:OrdersDays must be 0 (keep forever) to 36500")]
    public int OrdersDays { get; set; }

    /// <summary>Ingest dead letters, by when they failed. Default 30.</summary>
    [Range(0, 36_500, ErrorMessage = "Retention:DeadLettersDays must be 0 (keep forever) to 36500")]
    public int DeadLettersDays { get; set; } = 30;

    /// <summary>Finished report jobs and their files, by when they finished (files expire sooner: <c>Reports:RetentionDays</c>). Default 90.</summary>
    [Range(0, 36_500, ErrorMessage = "Retention:ReportFilesDays must be 0 (keep forever) to 36500")]
    public int ReportFilesDays { get; set; } = 90;

    /// <summary>Audit log entries. Default 365.</summary>
    [Range(0, 36_500, ErrorMessage = "Retention:AuditLogDays must be 0 (keep forever) to 36500")]
    public int AuditLogDays { get; set; } = 365;

    /// <summary>Rows deleted per statement (one short transaction each, so no long locks). Default 5000.</summary>
    [Range(1, 100_000, ErrorMessage = "Retention:BatchSize must be 1 to 100000")]
    public int BatchSize { get; set; } = 5000;

    /// <summary>When the Postgres job runs: a Quartz cron expression in UTC. Default <c>0 30 3 * * ?</c> (daily at 03:30).</summary>
    [Required(ErrorMessage = "Retention:Cron is required")]
    public string Cron { get; set; } = "0 30 3 * * ?";

    /// <summary>The days configured for <paramref name="dataset"/> (one of <see cref="RetentionDatasets.All"/>).</summary>
    public int DaysOf(string dataset) => dataset switch
    {
        RetentionDatasets.Events => EventsDays,
        RetentionDatasets.Orders => OrdersDays,
        RetentionDatasets.DeadLetters => DeadLettersDays,
        RetentionDatasets.ReportFiles => ReportFilesDays,
        RetentionDatasets.AuditLog => AuditLogDays,
        _ => throw new ArgumentOutOfRangeException(nameof(dataset), dataset, $"valid: {string.Join(", ", RetentionDatasets.All)}"),
    };
}

/// <summary>The datasets retention applies to, as named on the wire and in <c>retention_runs</c>.</summary>
public static class RetentionDatasets
{
    public const string Events = "events";
    public const string Orders = "orders";
    public const string DeadLetters = "dead_letters";
    public const string ReportFiles = "report_files";
    public const string AuditLog = "audit_log";

    public static readonly IReadOnlyList<string> All = [Events, Orders, DeadLetters, ReportFiles, AuditLog];

    /// <summary>Datasets of the analytics store: deleting them changes query results, so the run purges the query cache.</summary>
    public static bool IsAnalytics(string dataset) => dataset is Events or Orders;

    /// <summary>
    /// How <paramref name="dataset"/> is deleted: <c>none</c> (0 days), <c>lifecycle_policy</c> (events on Elasticsearch:
    /// the <c>ff-events</c> ILM/ISM delete phase) or <c>retention_job</c> (everything else, orders on Elasticsearch included).
    /// </summary>
    public static string EnforcedBy(string dataset, int days, bool eventsByLifecyclePolicy) =>
        days == 0 ? RetentionEnforcement.None
        : dataset == Events && eventsByLifecyclePolicy ? RetentionEnforcement.LifecyclePolicy
        : RetentionEnforcement.RetentionJob;
}

/// <summary>What deletes a dataset, as <c>enforcedBy</c> shows it.</summary>
public static class RetentionEnforcement
{
    public const string None = "none";
    public const string LifecyclePolicy = "lifecycle_policy";
    public const string RetentionJob = "retention_job";
}
