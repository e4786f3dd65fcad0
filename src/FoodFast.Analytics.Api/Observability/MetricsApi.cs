using FoodFast.Analytics.Core.Observability;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FoodFast.Analytics.Api.Observability;

/// <summary><c>GET /metrics</c>: the service's figures in the Prometheus text format.</summary>
internal static class MetricsApi
{
    public static RouteHandlerBuilder MapMetricsApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/metrics", GetMetrics).WithName("GetMetrics").WithTags("Operations")
            .WithSummary("Prometheus text exposition (0.0.4) of requests, ingestion, indexer, store, cache, reports, live feed and dependency errors.")
            .Produces<string>(StatusCodes.Status200OK, "text/plain");

    public static async Task<ContentHttpResult> GetMetrics(MetricsCollector collector, IEnumerable<IScrapeRefresher> refreshers, CancellationToken cancellationToken)
    {
        foreach (var refresher in refreshers)
        {
            await refresher.RefreshAsync(cancellationToken);
        }
        return TypedResults.Text(PrometheusText.Write(collector.Collect()), PrometheusText.ContentType);
    }
}
