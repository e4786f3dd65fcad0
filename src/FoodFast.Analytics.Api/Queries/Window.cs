using System.ComponentModel;
using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Validation;
using Microsoft.AspNetCore.Mvc;

namespace FoodFast.Analytics.Api.Queries;

/// <summary>
/// The period every named analytics endpoint accepts: <c>from</c>/<c>to</c> (ISO-8601), or <c>days</c> back
/// from now (whole local days, today included), read in the time zone <c>timeZone</c> (or its alias <c>tz</c>); and the
/// shop. The query names are camelCase, as documented (binding ignores case).
/// </summary>
public sealed record Window(
    [property: FromQuery(Name = "shopId"), Description("Shop to read. Callers bound to a shop can only name their own.")] string? ShopId,
    [property: FromQuery(Name = "from"), Description("Start, inclusive (ISO-8601). With to; else days applies.")] DateTimeOffset? From,
    [property: FromQuery(Name = "to"), Description("End, exclusive (ISO-8601). Default: the end of today in tz.")] DateTimeOffset? To,
    [property: FromQuery(Name = "days"), Description("Days back from now, today included (1-1096). Default 30, unless the summary names another.")] int? Days,
    [property: FromQuery(Name = "tz"), Description("Alias of timeZone.")] string? Tz,
    [property: FromQuery(Name = "timeZone"), Description("IANA time zone for days and buckets (alias: tz). Default UTC.")] string? TimeZone,
    [property: FromServices] TimeProvider Clock)
{
    public const int DefaultDays = 30;
    public const int MaxDays = 1096;

    /// <summary>What is wrong with the window as sent, each problem naming the query parameter the caller used.</summary>
    public IReadOnlyList<FieldProblem> Problems()
    {
        var problems = new List<FieldProblem>();
        if (Days is < 1 or > MaxDays)
        {
            problems.Add(new("days", $"must be between 1 and {MaxDays}"));
        }
        if (Zone is { } zone && !IanaTimeZone.IsValid(zone))
        {
            problems.Add(new(TimeZone is not null ? "timeZone" : "tz", IanaTimeZone.Problem(zone)));
        }
        else if (TimeZone is not null && Tz is not null && TimeZone != Tz)
        {
            problems.Add(new("tz", $"is an alias of timeZone; send one of them (got '{Tz}' and '{TimeZone}')"));
        }
        if (From is { } from && To is { } to && from >= to)
        {
            problems.Add(new("from", "must be before to"));
        }
        return problems;
    }

    /// <summary>The zone the caller sent (timeZone, else tz), or null for the default UTC.</summary>
    public string? Zone => TimeZone ?? Tz;

    /// <summary>The zone in force (checked by <see cref="Problems"/> before any handler runs).</summary>
    public TimeZoneInfo ZoneInfo => IanaTimeZone.TryFind(Zone, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>A query over this window: dataset and metrics given, the rest from the window.</summary>
    public AnalyticsQuery Query(string dataset, params string[] metrics)
    {
        var zone = ZoneInfo;
        var zoneId = zone.Id;
        // Whole local days ending at the next midnight: the same window (and cache entry) all day long.
        var today = TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), zone).Date;
        var to = To ?? LocalMidnight(today.AddDays(1), zone);
        var from = From ?? LocalMidnight(today.AddDays(1 - Math.Clamp(Days ?? DefaultDays, 1, MaxDays)), zone);
        return new AnalyticsQuery { Dataset = dataset, Metrics = metrics, From = from, To = to, TimeZone = zoneId, ShopId = ShopId };
    }

    /// <summary>A query over this window whose start, unless sent, is <paramref name="months"/> before its end (not <c>days</c>).</summary>
    public AnalyticsQuery QueryMonthsBack(string dataset, int months)
    {
        var query = Query(dataset);
        return From is null ? query with { From = query.To.AddMonths(-months) } : query;
    }

    private static DateTimeOffset LocalMidnight(DateTime date, TimeZoneInfo zone) => new(date, zone.GetUtcOffset(date));
}
