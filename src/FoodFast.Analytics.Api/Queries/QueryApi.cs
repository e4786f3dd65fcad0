using System.ComponentModel;
using FoodFast.Analytics.Api.Errors;
using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Queries.Catalogue;
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
        app.MapGet("/analytics/query/catalogue", Catalogue).WithName("GetQueryCatalogue").WithTags("Analytics")
            .WithSummary("What a query may name: each dataset's metrics (with their definitions), dimensions and range fields; buckets, comparisons, limits.");
    }

    public static Results<Ok<QueryCatalogue>, ValidationProblem> Catalogue(
        [Description("Only this dataset (orders, order_items or events); all three when left out.")] string? dataset)
    {
        var all = QueryCatalogue.Current;
        if (dataset is null)
        {
            return TypedResults.Ok(all);
        }
        if (!Datasets.All.Contains(dataset))
        {
            return FieldProblems.Invalid("dataset", $"must be one of {string.Join(", ", Datasets.All)}", "Invalid query");
        }
        return TypedResults.Ok(all with { Datasets = all.Datasets.Where(d => d.Name == dataset).ToList() });
    }

    public static Task<Results<CachedJson<QueryResult>, ValidationProblem>> Query(AnalyticsQuery query, HttpContext http, QueryEngine engine, CancellationToken cancellationToken) =>
        QueryResponses.RunAsync(http, engine, query, cancellationToken);
}
