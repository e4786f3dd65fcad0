using System.ComponentModel.DataAnnotations;

namespace FoodFast.Analytics.Reports.Jobs;

/// <summary>How report jobs run (section <c>Reports</c>, next to the rendering settings).</summary>
public sealed class ReportJobsOptions
{
    /// <summary>Days a finished report's file is kept before the cleanup job deletes it and marks the job expired. Default 7.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 7;

    /// <summary>Reports one instance runs at once (Quartz thread pool); more wait queued. Default 2.</summary>
    [Range(1, 64)]
    public int MaxConcurrentJobs { get; set; } = 2;

    /// <summary>Seconds between runs of the cleanup job. Default 3600.</summary>
    [Range(1, 86_400)]
    public int CleanupIntervalSeconds { get; set; } = 3600;

    /// <summary>
    /// Seconds between cluster check-ins. An instance that misses check-ins for about this long (plus a margin) is
    /// taken for dead, and its reports run again elsewhere. Default 5.
    /// </summary>
    [Range(1, 300)]
    public int ClusterCheckinSeconds { get; set; } = 5;

    /// <summary>
    /// Minutes after its last write that a temporary report file nobody in this process is writing counts as abandoned
    /// (its run was killed) and is deleted by the cleanup job. Longer than the quietest stretch of a live write (a PDF
    /// printing for up to ChromiumTimeoutSeconds). Default 15.
    /// </summary>
    [Range(1, 10_080)]
    public int AbandonedFileMinutes { get; set; } = 15;

    /// <summary>Pause per exported row, in milliseconds. Tests only (a report that takes a while); keep 0.</summary>
    [Range(0, 10_000)]
    public int RowDelayMilliseconds { get; set; }
}
