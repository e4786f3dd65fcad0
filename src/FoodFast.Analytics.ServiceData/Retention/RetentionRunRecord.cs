namespace FoodFast.Analytics.ServiceData.Retention;

/// <summary>A row of <c>retention_runs</c>: one dataset's part of one run.</summary>
public sealed class RetentionRunRecord
{
    public long Id { get; set; }

    /// <summary>Shared by the datasets of one run.</summary>
    public Guid RunId { get; set; }

    public string Dataset { get; set; } = "";

    /// <summary><c>schedule</c> (the Quartz job) or <c>manual</c> (<c>POST /api/v1/admin/retention/run</c>).</summary>
    public string Trigger { get; set; } = "";

    /// <summary>Rows older than this went; null when the dataset is kept forever or left to a lifecycle policy.</summary>
    public DateTimeOffset? Cutoff { get; set; }

    public long RowsDeleted { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset FinishedAt { get; set; }

    /// <summary>One of <see cref="RetentionOutcome"/>.</summary>
    public string Outcome { get; set; } = "";

    public string? Error { get; set; }
}

/// <summary>How one dataset's part of a run ended, as stored and sent.</summary>
public static class RetentionOutcome
{
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";

    /// <summary>Retention 0: nothing is deleted.</summary>
    public const string Kept = "kept";

    /// <summary>The dataset lives in Elasticsearch, whose lifecycle policy deletes it.</summary>
    public const string LifecyclePolicy = "lifecycle_policy";
}
