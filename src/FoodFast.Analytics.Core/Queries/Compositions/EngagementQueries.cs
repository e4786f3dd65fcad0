namespace FoodFast.Analytics.Core.Queries.Compositions;

/// <summary>
/// Engagement from activity events: unique users in the last 1, 7 and 30 days before the end of a window
/// (DAU, WAU, MAU), stickiness DAU / MAU, and unique users per day over the window.
/// </summary>
public static class EngagementQueries
{
    /// <summary>Four queries, in the order <see cref="Result"/> reads them: last day, last 7 days, last 30 days, per day.</summary>
    public static IReadOnlyList<AnalyticsQuery> Queries(AnalyticsQuery window)
    {
        var range = window with { Dataset = Datasets.Events, Metrics = ["unique_users"] };
        AnalyticsQuery Last(int days) => range with { From = range.To.AddDays(-days) };
        return [Last(1), Last(7), Last(30), range with { Bucket = TimeBucket.Day }];
    }

    public static EngagementResult Result(IReadOnlyList<QueryResult> results)
    {
        var (dau, wau, mau) = (Users(results[0]), Users(results[1]), Users(results[2]));
        return new EngagementResult(dau, wau, mau, mau == 0 ? null : Math.Round(dau / mau, 4), results[3]);
    }

    private static decimal Users(QueryResult result) => result.Rows[0][0].Number ?? 0m;
}

/// <param name="Dau">unique users in the last day before the window's end; Wau the last 7 days; Mau the last 30.</param>
/// <param name="Stickiness">Dau / Mau.</param>
/// <param name="DailyActiveUsers">unique_users per day over the window.</param>
public sealed record EngagementResult(decimal Dau, decimal Wau, decimal Mau, decimal? Stickiness, QueryResult DailyActiveUsers);
