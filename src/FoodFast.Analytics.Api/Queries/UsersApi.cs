using FoodFast.Analytics.Core.Queries.Compositions;
using FoodFast.Analytics.Core.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FoodFast.Analytics.Api.Queries;

/// <summary>What shoppers do, from activity events.</summary>
internal static class UsersApi
{
    public static void MapUsersApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/analytics/users").WithTags("Users");
        users.MapGet("/activity", Activity).WithName("GetUserActivity")
            .WithSummary("events, unique users and sessions per day.");
        users.MapGet("/behavior", Behavior).WithName("GetUserBehavior")
            .WithSummary("events and sessions per event type.");
        users.MapGet("/engagement", Engagement).WithName("GetUserEngagement")
            .WithSummary("DAU, WAU and MAU (unique users in the last 1, 7 and 30 days before the end of the window), stickiness DAU/MAU, and daily active users.");
    }

    public static async Task<Results<Ok<EngagementResult>, ValidationProblem>> Engagement([AsParameters] Window window, HttpContext http, QueryEngine engine, CancellationToken ct)
    {
        var (results, problem) = await QueryResponses.RunAllAsync(http, engine, EngagementQueries.Queries(window.Query(Datasets.Events)), ct);
        return problem is null ? TypedResults.Ok(EngagementQueries.Result(results!)) : problem;
    }

    public static Task<Results<CachedJson<QueryResult>, ValidationProblem>> Activity([AsParameters] Window window, HttpContext http, QueryEngine engine, CancellationToken ct) =>
        QueryResponses.RunAsync(http, engine, window.Query(Datasets.Events, "event_count", "unique_users", "unique_sessions") with { Bucket = TimeBucket.Day }, ct);

    public static Task<Results<CachedJson<QueryResult>, ValidationProblem>> Behavior([AsParameters] Window window, HttpContext http, QueryEngine engine, CancellationToken ct) =>
        QueryResponses.RunAsync(http, engine, window.Query(Datasets.Events, "event_count", "unique_users", "unique_sessions") with { GroupBy = ["event_type"] }, ct);
}
