using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Validation;

namespace FoodFast.Analytics.Reports.Definitions;

/// <summary>
/// What a report is asked with, stored as the job's <c>parameters</c>: a period (<c>from</c>/<c>to</c>, or
/// <c>days</c> back from the run, whole local days in <c>tz</c>), and for <c>custom</c> the query itself.
/// </summary>
public sealed record ReportParameters
{
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }

    /// <summary>Whole local days back from the run, today included (1-1096); the kind's default when absent.</summary>
    public int? Days { get; init; }

    /// <summary>IANA time zone of the period and of daily buckets. Default UTC.</summary>
    public string? TimeZone { get; init; }

    /// <summary>Alias of <see cref="TimeZone"/> (the older name).</summary>
    public string? Tz { get; init; }

    /// <summary>The query of a <c>custom</c> report (its time range and shop come from the report).</summary>
    public AnalyticsQuery? Query { get; init; }

    /// <summary>The zone in force: timeZone, else its alias tz, else UTC. Not echoed: the caller's own field is.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Zone => TimeZone ?? Tz ?? "UTC";

    private string ZoneField => TimeZone is not null ? "parameters.timeZone" : "parameters.tz";

    /// <summary>The problems with these parameters, each naming its field (<c>parameters.to</c>).</summary>
    public IReadOnlyList<FieldProblem> Validate()
    {
        var problems = new List<FieldProblem>();
        if (!IanaTimeZone.IsValid(Zone))
        {
            problems.Add(new(ZoneField, IanaTimeZone.Problem(Zone)));
        }
        else if (TimeZone is not null && Tz is not null && TimeZone != Tz)
        {
            problems.Add(new("parameters.tz", $"is an alias of timeZone; send one of them (got '{Tz}' and '{TimeZone}')"));
        }
        if (From is null != To is null)
        {
            problems.Add(new(From is null ? "parameters.from" : "parameters.to", "give both from and to, or neither (then days applies)"));
        }
        else if (From is { } from && To is { } to && to <= from)
        {
            problems.Add(new("parameters.to", "must be after from"));
        }
        else if (From is { } f && To is { } t && t - f > QueryLimits.MaxRange)
        {
            problems.Add(new("parameters.to", $"the range may span at most {QueryLimits.MaxRange.TotalDays:0} days"));
        }
        if (Days is < 1 or > 1096)
        {
            problems.Add(new("parameters.days", "must be 1 to 1096"));
        }
        return problems;
    }

    /// <summary>
    /// The period at <paramref name="now"/>: from/to as given, else the <c>days</c> (or <paramref name="defaultDays"/>)
    /// whole local days ending at the next local midnight, so a report run at 06:00 covers today so far too.
    /// </summary>
    public (DateTimeOffset From, DateTimeOffset To) Period(DateTimeOffset now, int defaultDays)
    {
        if (From is { } from && To is { } to)
        {
            return (from, to);
        }
        IanaTimeZone.TryFind(Zone, out var zone);
        var today = TimeZoneInfo.ConvertTime(now, zone).Date;
        return (Midnight(today.AddDays(1 - (Days ?? defaultDays)), zone), Midnight(today.AddDays(1), zone));
    }

    private static DateTimeOffset Midnight(DateTime date, TimeZoneInfo zone) => new(date, zone.GetUtcOffset(date));
}
