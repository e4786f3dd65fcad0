using System.Globalization;

namespace FoodFast.Analytics.Reports.Documents;

/// <summary>The half-open range <c>[From, To)</c> a report covers, shown in the IANA time zone <see cref="TimeZone"/>.</summary>
public sealed record ReportPeriod
{
    public ReportPeriod(DateTimeOffset from, DateTimeOffset to, string timeZone)
    {
        if (to < from)
        {
            throw new ArgumentException($"The period ends ({to:O}) before it starts ({from:O}).", nameof(to));
        }
        From = from;
        To = to;
        TimeZone = timeZone;
        Zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
    }

    public DateTimeOffset From { get; }
    public DateTimeOffset To { get; }
    public string TimeZone { get; }
    public TimeZoneInfo Zone { get; }

    /// <summary>Wall-clock time in the report's time zone.</summary>
    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc, Zone);

    /// <summary>
    /// "2026-11-01 – 2026-11-30 (Europe/Berlin)" when both ends fall on local midnight (the end is exclusive,
    /// so the last day shown is the day before it); otherwise local date and time on both ends.
    /// </summary>
    public string Describe()
    {
        var from = ToLocal(From.UtcDateTime);
        var to = ToLocal(To.UtcDateTime);
        var text = from.TimeOfDay == TimeSpan.Zero && to.TimeOfDay == TimeSpan.Zero && to > from
            ? $"{Day(from)} – {Day(to.AddDays(-1))}"
            : $"{Minute(from)} – {Minute(to)}";
        return $"{text} ({TimeZone})";
    }

    private static string Day(DateTime value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Minute(DateTime value) => value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
