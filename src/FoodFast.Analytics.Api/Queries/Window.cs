using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using FoodFast.Analytics.Core.Ingestion.Validation;
using FoodFast.Analytics.Core.Queries;

namespace FoodFast.Analytics.Api.Queries;

/// <summary>
/// The period every named analytics endpoint accepts: <c>from</c>/<c>to</c> (ISO-8601), or <c>days</c> back
/// from now (whole local days, today included), read in the time zone <c>tz</c>; and the shop. The query names are
/// camelCase, as documented (binding ignores case).
/// </summary>
public sealed record Window(
    [property: FromQuery(Name = "shopId"), Description("Shop to read. Callers bound to a shop can only name their own.")] string? ShopId,
    [property: FromQuery(Name = "from"), Description("Start, inclusive (ISO-8601). With to; else days applies.")] DateTimeOffset? From,
    [property: FromQuery(Name = "to"), Description("End, exclusive (ISO-8601). Default: the end of today in tz.")] DateTimeOffset? To,
    [property: FromQuery(Name = "days"), Description("Days back from now, today included (1-1096). Default 30, unless the summary names another.")] int? Days,
    [property: FromQuery(Name = "tz"), Description("IANA time zone for days and buckets. Default UTC.")] string? Tz)
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
        if (!string.IsNullOrWhiteSpace(Tz) && !TimeZoneInfo.TryFindSystemTimeZoneById(Tz, out _))
        {
            problems.Add(new("tz", $"'{Tz}' is not an IANA time zone such as Europe/Berlin"));
        }
        if (From is { } from && To is { } to && from >= to)
        {
            problems.Add(new("from", "must be before to"));
        }
        return problems;
    }

    /// <summary>A query over this window: dataset and metrics given, the rest from the window.</summary>
    public AnalyticsQuery Query(string dataset, params string[] metrics)
    {
        var zoneId = string.IsNullOrWhiteSpace(Tz) ? "UTC" : Tz;
        // Whole local days ending at the next midnight: the same window (and cache entry) all day long.
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var found) ? found : TimeZoneInfo.Utc;
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).Date;
        var to = To ?? LocalMidnight(today.AddDays(1), zone);
        var from = From ?? LocalMidnight(today.AddDays(1 - Math.Clamp(Days ?? DefaultDays, 1, MaxDays)), zone);
        return new AnalyticsQuery { Dataset = dataset, Metrics = metrics, From = from, To = to, TimeZone = zoneId, ShopId = ShopId };
    }

    private static DateTimeOffset LocalMidnight(DateTime date, TimeZoneInfo zone) => new(date, zone.GetUtcOffset(date));
}
