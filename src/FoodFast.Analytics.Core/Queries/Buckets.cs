using System.Globalization;

namespace FoodFast.Analytics.Core.Queries;

/// <summary>
/// Time buckets read in the query's time zone: a day is a local calendar day (23 or 25 hours across a DST
/// change), a week starts on Monday (ISO), quarters start in January, April, July and October. Keys are
/// local: <c>2026-11-21</c>, or <c>2026-11-21T14:00</c> for hours. Backends produce the same keys.
/// </summary>
public static class Buckets
{
    public static string Key(DateTime localStart, TimeBucket bucket) => bucket == TimeBucket.Hour
        ? localStart.ToString("yyyy-MM-dd'T'HH:00", CultureInfo.InvariantCulture)
        : localStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateTime Truncate(DateTime local, TimeBucket bucket) => bucket switch
    {
        TimeBucket.Hour => new DateTime(local.Year, local.Month, local.Day, local.Hour, 0, 0),
        TimeBucket.Day => local.Date,
        TimeBucket.Week => local.Date.AddDays(-(((int)local.DayOfWeek + 6) % 7)),
        TimeBucket.Month => new DateTime(local.Year, local.Month, 1),
        TimeBucket.Quarter => new DateTime(local.Year, (local.Month - 1) / 3 * 3 + 1, 1),
        _ => new DateTime(local.Year, 1, 1),
    };

    public static DateTime Next(DateTime start, TimeBucket bucket) => bucket switch
    {
        TimeBucket.Hour => start.AddHours(1),
        TimeBucket.Day => start.AddDays(1),
        TimeBucket.Week => start.AddDays(7),
        TimeBucket.Month => start.AddMonths(1),
        TimeBucket.Quarter => start.AddMonths(3),
        _ => start.AddYears(1),
    };

    /// <summary>Every bucket key that <c>[from, to)</c> touches, in order.</summary>
    public static IReadOnlyList<string> Enumerate(DateTimeOffset from, DateTimeOffset to, TimeBucket bucket, TimeZoneInfo zone)
    {
        var keys = new List<string>();
        var end = TimeZoneInfo.ConvertTime(to, zone).DateTime;
        for (var start = Truncate(TimeZoneInfo.ConvertTime(from, zone).DateTime, bucket); start < end; start = Next(start, bucket))
        {
            keys.Add(Key(start, bucket));
        }
        return keys;
    }

    /// <summary>An upper bound of the bucket count, cheap enough to check before running anything.</summary>
    public static double Count(DateTimeOffset from, DateTimeOffset to, TimeBucket bucket) => (to - from).TotalHours / bucket switch
    {
        TimeBucket.Hour => 1,
        TimeBucket.Day => 24,
        TimeBucket.Week => 24 * 7,
        TimeBucket.Month => 24 * 28,
        TimeBucket.Quarter => 24 * 90,
        _ => 24 * 365,
    };
}
