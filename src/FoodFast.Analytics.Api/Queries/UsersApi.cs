using FoodFast.Analytics.Core.Queries;

namespace FoodFast.Analytics.Api.Queries;

/// <summary>What shoppers do, from activity events.</summary>
internal static class UsersApi
{
    public static void MapUsersApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/v1/analytics/users").WithTags("Users");
        users.MapGet("/activity", Activity).WithName("GetUserActivity")
            .WithSummary("events, unique users and sessions per day.").Produces<QueryResult>().ProducesValidationProblem();
        users.MapGet("/behavior", Behavior).WithName("GetUserBehavior")
            .WithSummary("events and sessions per event type.").Produces<QueryResult>().ProducesValidationProblem();
        users.MapGet("/engagement", Engagement).WithName("GetUserEngagement")
            .WithSummary("DAU, WAU and MAU (unique users in the last 1, 7 and 30 days before the end of the window), stickiness DAU/MAU, and daily active users.")
            .Produces<EngagementResult>().ProducesValidationProblem();
    }

    public static async Task<IResult> Engagement([AsParameters] Window window, HttpContext http, QueryEngine engine, CancellationToken ct)
    {
        var range = window.Query(Datasets.Events, "unique_users");
        AnalyticsQuery Last(int days) => range with { From = range.To.AddDays(-days) };
        var (results, problem) = await QueryResponses.RunAllAsync(http, engine, [Last(1), Last(7), Last(30), range with { Bucket = TimeBucket.Day }], ct);
        if (problem is not null)
        {
            return problem;
        }
        decimal Users(QueryResult result) => Convert.ToDecimal(result.Rows[0][0] is System.Text.Json.JsonElement j ? j.GetDecimal() : result.Rows[0][0], System.Globalization.CultureInfo.InvariantCulture);
        var (dau, wau, mau) = (Users(results![0]), Users(results[1]), Users(results[2]));
        return TypedResults.Ok(new EngagementResult(dau, wau, mau, mau == 0 ? null : Math.Round(dau / mau, 4), results[3]));
    }

    public static Task<IResult> Activity([AsParameters] Window window, HttpContext http, QueryEngine engine, CancellationToken ct) =>
        QueryResponses.RunAsync(http, engine, window.Query(Datasets.Events, "event_count", "unique_users", "unique_sessions") with { Bucket = TimeBucket.Day }, ct);

    public static Task<IResult> Behavior([AsParameters] Window window, HttpContext http, QueryEngine engine, CancellationToken ct) =>
        QueryResponses.RunAsync(http, engine, window.Query(Datasets.Events, "event_count", "unique_users", "unique_sessions") with { GroupBy = ["event_type"] }, ct);
}

/// <param name="Dau">unique users in the last day before the window's end; Wau the last 7 days; Mau the last 30.</param>
/// <param name="Stickiness">Dau / Mau.</param>
/// <param name="DailyActiveUsers">unique_users per day over the window.</param>
public sealed record EngagementResult(decimal Dau, decimal Wau, decimal Mau, decimal? Stickiness, QueryResult DailyActiveUsers);
