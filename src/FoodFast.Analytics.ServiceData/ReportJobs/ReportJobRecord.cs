namespace FoodFast.Analytics.ServiceData.ReportJobs;

/// <summary>A row of <c>report_jobs</c>. The API maps it to its own shape; the file key never leaves the service.</summary>
public sealed class ReportJobRecord : IShopRow
{
    public Guid Id { get; set; }

    /// <summary>The shop the report reads; null means all shops (admin only).</summary>
    public string? ShopId { get; set; }

    public string Kind { get; set; } = "";

    public string Format { get; set; } = "";

    /// <summary>The report's parameters as JSON (jsonb).</summary>
    public string Parameters { get; set; } = "{}";

    /// <summary>queued, running, succeeded, failed, cancelled or expired (<see cref="ReportStatus"/>).</summary>
    public string Status { get; set; } = ReportStatus.Queued;

    /// <summary>0-100.</summary>
    public int Progress { get; set; }

    public long RowsWritten { get; set; }

    public string? FileKey { get; set; }

    public string? FileName { get; set; }

    public long? SizeBytes { get; set; }

    /// <summary>Lower-case hex SHA-256 of the file.</summary>
    public string? Sha256 { get; set; }

    public string? ContentType { get; set; }

    public string? Error { get; set; }

    /// <summary>The caller id (<c>key:&lt;id&gt;</c>, <c>jwt:&lt;sub&gt;</c>, or <c>schedule:&lt;id&gt;</c>).</summary>
    public string RequestedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>How many times a run started (more than one after a crash recovery).</summary>
    public int Attempts { get; set; }

    public Guid? ScheduleId { get; set; }

    /// <summary>Delivery targets and each one's outcome as JSON (jsonb): copied from the schedule or the request.</summary>
    public string Delivery { get; set; } = "[]";
}

/// <summary>The states of a report job, as stored and sent.</summary>
public static class ReportStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
    public const string Expired = "expired";
    public const string Erased = "erased";

    public static readonly IReadOnlyList<string> All = [Queued, Running, Succeeded, Failed, Cancelled, Expired, Erased];

    /// <summary>A job in one of these states will not change any more (except succeeded becoming expired).</summary>
    public static bool IsFinal(string status) => status is Succeeded or Failed or Cancelled or Expired or Erased;
}
