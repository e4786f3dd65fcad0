using FoodFast.Analytics.Core.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FoodFast.Analytics.Api.Queries;

/// <summary>The dashboard: KPIs with their change against the previous period, the revenue trend, top products, orders by status.</summary>
internal static class DashboardApi
{
    public static void MapDashboardApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/analytics/dashboard", Dashboard).WithName("GetDashboard").WithTags("Analytics")
            .WithSummary("KPIs (revenue, orders, AOV, customers, conversion rate) vs the previous period; daily revenue; top 5 products; orders by status.");
        app.MapGet("/core/metrics/overview", Dashboard).WithName("GetMetricsOverview").WithTags("Analytics")
            .WithSummary("Alias of the dashboard (FoodFast core service path).");
    }

    /// <summary>Five queries, answered as a <see cref="DashboardResult"/> written from their cached JSON (one cache round trip).</summary>
    public static Task<Results<CachedJson<DashboardResult>, ValidationProblem>> Dashboard([AsParameters] Window window, HttpContext http, QueryEngine engine, CancellationToken cancellationToken) =>
        QueryResponses.RunObjectAsync<DashboardResult>(http, engine,
        [
            (nameof(DashboardResult.Kpis), window.Query(Datasets.Orders, "revenue", "order_count", "aov", "distinct_customers") with { Compare = ComparisonPeriod.PreviousPeriod }),
            (nameof(DashboardResult.Conversion), window.Query(Datasets.Events, "conversion_rate", "unique_sessions") with { Compare = ComparisonPeriod.PreviousPeriod }),
            (nameof(DashboardResult.RevenueTrend), window.Query(Datasets.Orders, "revenue", "order_count") with { Bucket = TimeBucket.Day }),
            (nameof(DashboardResult.TopProducts), window.Query(Datasets.OrderItems, "revenue", "units") with { GroupBy = ["product"], Limit = 5 }),
            (nameof(DashboardResult.OrdersByStatus), window.Query(Datasets.Orders, "order_count") with { GroupBy = ["status"] }),
        ], cancellationToken);
}

/// <param name="Kpis">revenue, order_count, aov, distinct_customers (per currency), each with _previous and _change.</param>
/// <param name="Conversion">conversion_rate and unique_sessions from activity events, with _previous and _change.</param>
/// <param name="RevenueTrend">revenue and order_count per day (empty days are 0).</param>
/// <param name="TopProducts">the 5 products with the most revenue (per currency).</param>
/// <param name="OrdersByStatus">order_count per status.</param>
public sealed record DashboardResult(QueryResult Kpis, QueryResult Conversion, QueryResult RevenueTrend, QueryResult TopProducts, QueryResult OrdersByStatus);
