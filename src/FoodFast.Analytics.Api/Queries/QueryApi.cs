using FoodFast.Analytics.Core.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FoodFast.Analytics.Api.Queries;

/// <summary>The query model itself, for clients that compose their own questions.</summary>
internal static class QueryApi
{
    public static void MapQueryApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/analytics/query", Query).WithName("RunQuery").WithTags("Analytics")
            .WithSummary("Runs an AnalyticsQuery: dataset, metrics, [from, to) in a time zone, bucket, groupBy, top, filters, sort, limit, compare.")
            .WithDescription("""
                Example: {"dataset":"orders","metrics":["revenue","order_count","aov"],"from":"2026-11-01T00:00:00Z","to":"2026-11-21T00:00:00Z",
                "timeZone":"Europe/Berlin","bucket":"day","groupBy":["channel"],"compare":"previous_period"}. Unknown metrics or dimensions
                are a 400 naming them and listing the valid ones. Money is grouped by currency unless filtered to one.
                """)
            .Accepts<AnalyticsQuery>("application/json");
    }

    public static Task<Results<CachedJson<QueryResult>, ValidationProblem>> Query(AnalyticsQuery query, HttpContext http, QueryEngine engine, CancellationToken cancellationToken) =>
        QueryResponses.RunAsync(http, engine, query, cancellationToken);
}
