using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Queries.Families;

namespace FoodFast.Analytics.Elasticsearch.Queries;

/// <summary>
/// The time a retention query can count activity in: from the start of the first cohort's period to the end of the
/// last cohort's last offset, in the query's zone. The histogram is bounded to it, and the composite's page size is
/// chosen so that a page's buckets (one per customer plus one per active period) fit <c>search.max_buckets</c>.
/// </summary>
public sealed record RetentionWindow(DateTimeOffset Start, DateTimeOffset End, int Periods)
{
    /// <summary>The default of the cluster setting <c>search.max_buckets</c> (65,536 since Elasticsearch 7.9).</summary>
    public const int SearchMaxBuckets = 65_536;

    public const int MaxPageSize = 1000;

    public static RetentionWindow Of(RetentionQuery query)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(query.TimeZone);
        var first = Buckets.Truncate(TimeZoneInfo.ConvertTime(query.From, zone).DateTime, query.Period);
        var lastCohort = Buckets.Truncate(TimeZoneInfo.ConvertTime(query.To.AddTicks(-1), zone).DateTime, query.Period);
        var end = lastCohort;
        for (var i = 0; i < query.Periods; i++)
        {
            end = Buckets.Next(end, query.Period);
        }
        var periods = 0;
        for (var at = first; at < end; at = Buckets.Next(at, query.Period))
        {
            periods++;
        }
        return new RetentionWindow(Instant(first, zone), Instant(end, zone), periods);
    }

    /// <summary>Customers per page: each brings its own bucket and at most one per period of the window.</summary>
    public int PageSize => Math.Clamp(SearchMaxBuckets / (Periods + 1), 1, MaxPageSize);

    private static DateTimeOffset Instant(DateTime local, TimeZoneInfo zone) =>
        new(local, zone.GetUtcOffset(zone.IsInvalidTime(local) ? local.AddHours(1) : local));
}
