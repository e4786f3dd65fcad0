using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Queries.Compositions;

namespace FoodFast.Analytics.Api.Queries;

/// <summary>What shoppers do, from activity events.</summary>
internal static class UsersApi
{
    public static void MapUsersApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/analytics/users").WithTags("Users");
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
        var (results, problem) = await QueryResponses.RunAllAsync(http, engine, EngagementQueries.Queries(window.Query(Datasets.Events)), ct);
        return problem ?? TypedResults.Ok(EngagementQueries.Result(results!));
    }

    public static Task<IResult> Activity([AsParameters] Window window, HttpContext http, QueryEngine engine, CancellationToken ct) =>
        QueryResponses.RunAsync(http, engine, window.Query(Datasets.Events, "event_count", "unique_users", "unique_sessions") with { Bucket = TimeBucket.Day }, ct);

    public static Task<IResult> Behavior([AsParameters] Window window, HttpContext http, QueryEngine engine, CancellationToken ct) =>
        QueryResponses.RunAsync(http, engine, window.Query(Datasets.Events, "event_count", "unique_users", "unique_sessions") with { GroupBy = ["event_type"] }, ct);
}
