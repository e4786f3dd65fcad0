using FoodFast.Analytics.Elasticsearch.Health;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FoodFast.Analytics.Api.Health;

/// <summary>The Elasticsearch cluster and our templates, aliases and data stream, for operators (admin role).</summary>
internal static class ElasticsearchHealthApi
{
    public static void MapElasticsearchHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/analytics/health").WithTags("Health")
            .MapGet("/elasticsearch", GetElasticsearchHealth).WithName("GetElasticsearchHealth")
            .WithSummary("Cluster name, version and status; installed against expected template versions; aliases and the events data stream.")
            .WithDescription("Answers 404 when the service runs on the Postgres backend.");
    }

    public static async Task<Results<Ok<ElasticsearchStatus>, ProblemHttpResult>> GetElasticsearchHealth(IServiceProvider services, CancellationToken cancellationToken)
    {
        // Registered only when Storage:Backend selects Elasticsearch.
        if (services.GetService<ElasticsearchStatusReader>() is not { } reader)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: "the Elasticsearch backend is not in use");
        }
        return TypedResults.Ok(await reader.ReadAsync(cancellationToken));
    }
}
