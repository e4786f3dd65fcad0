namespace FoodFast.Analytics.ServiceData.ReportJobs;

/// <summary>A row of <c>report_schedules</c>: which report to produce, and when (a Quartz cron expression in an IANA zone).</summary>
public sealed class ReportScheduleRecord : IShopRow
{
    public Guid Id { get; set; }

    public string? ShopId { get; set; }

    public string Name { get; set; } = "";

    public string Kind { get; set; } = "";

    public string Format { get; set; } = "";

    /// <summary>The parameters of each run as JSON (jsonb); a run without from/to covers the days before its firing.</summary>
    public string Parameters { get; set; } = "{}";

    public string Cron { get; set; } = "";

    public string TimeZone { get; set; } = "UTC";

    public bool Enabled { get; set; } = true;

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Where each run's report is sent (e-mail, webhook) as JSON (jsonb).</summary>
    public string Delivery { get; set; } = "[]";
}
