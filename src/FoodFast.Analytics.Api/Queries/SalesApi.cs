using System.ComponentModel;
using FoodFast.Analytics.Api.Errors;
using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Wire;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FoodFast.Analytics.Api.Queries;

/// <summary>Sales figures: each endpoint is one query of the model, answered as a typed table with its freshness.</summary>
internal static class SalesApi
{
    public static void MapSalesApi(this IEndpointRouteBuilder app)
    {
        var sales = app.MapGroup("/analytics").WithTags("Sales");
        sales.MapGet("/sales/revenue", Revenue).WithName("GetSalesRevenue")
            .WithSummary("revenue, order_count and aov per interval (hour, day, week, month, quarter, year; default day).");
        sales.MapGet("/revenue/trends", Trends).WithName("GetRevenueTrends")
            .WithSummary("revenue and order_count per interval, each with the previous period's value and the change.");
        sales.MapGet("/sales/orders", Orders).WithName("GetSalesOrders")
            .WithSummary("order_count per status, with cancellation and refund counts and rates.");
        sales.MapGet("/sales/products", Products).WithName("GetSalesProducts")
            .WithSummary("revenue, units and orders per product (limit, default 20).");
        sales.MapGet("/sales/categories", Categories).WithName("GetSalesCategories")
            .WithSummary("revenue, units and orders per category.");
        sales.MapGet("/sales/geographic", Geographic).WithName("GetSalesGeographic")
            .WithSummary("revenue, orders and customers per country and city.");
        sales.MapGet("/products/top-selling", TopSelling).WithName("GetTopSellingProducts")
            .WithSummary("the best-selling products by revenue or units (by=revenue|units, limit default 10).");
    }

    public static Task<Results<CachedJson<QueryResult>, ValidationProblem>> Revenue(
        [AsParameters] Window window,
        [Description("Bucket: hour, day, week (ISO, Monday), month, quarter or year. Default day.")] string? interval,
        HttpContext http, QueryEngine engine, CancellationToken ct) =>
        Bucketed(window, interval, compare: null, http, engine, ct, "revenue", "order_count", "aov");

    public static Task<Results<CachedJson<QueryResult>, ValidationProblem>> Trends(
        [AsParameters] Window window,
        [Description("Bucket: hour, day, week (ISO, Monday), month, quarter or year. Default day.")] string? interval,
        HttpContext http, QueryEngine engine, CancellationToken ct) =>
        Bucketed(window, interval, ComparisonPeriod.PreviousPeriod, http, engine, ct, "revenue", "order_count");

    public static Task<Results<CachedJson<QueryResult>, ValidationProblem>> Orders([AsParameters] Window window, HttpContext http, QueryEngine engine, CancellationToken ct) =>
        QueryResponses.RunAsync(http, engine, window.Query(Datasets.Orders, "order_count", "cancelled_count", "refund_count", "cancellation_rate", "refund_rate") with { GroupBy = ["status"] }, ct);

    public static Task<Results<CachedJson<QueryResult>, ValidationProblem>> Products(
        [AsParameters] Window window,
        [Description("Products to list. Default 20.")] int? limit,
        HttpContext http, QueryEngine engine, CancellationToken ct) =>
        QueryResponses.RunAsync(http, engine, window.Query(Datasets.OrderItems, "revenue", "units", "order_count") with { GroupBy = ["product"], Limit = limit ?? 20 }, ct);

    public static Task<Results<CachedJson<QueryResult>, ValidationProblem>> Categories([AsParameters] Window window, HttpContext http, QueryEngine engine, CancellationToken ct) =>
        QueryResponses.RunAsync(http, engine, window.Query(Datasets.OrderItems, "revenue", "units", "order_count") with { GroupBy = ["category"] }, ct);

    public static Task<Results<CachedJson<QueryResult>, ValidationProblem>> Geographic([AsParameters] Window window, HttpContext http, QueryEngine engine, CancellationToken ct) =>
        QueryResponses.RunAsync(http, engine, window.Query(Datasets.Orders, "revenue", "order_count", "distinct_customers") with { GroupBy = ["country", "city"] }, ct);

    public static Task<Results<CachedJson<QueryResult>, ValidationProblem>> TopSelling(
        [AsParameters] Window window,
        [Description("Ranking: revenue or units. Default revenue.")] string? by,
        [Description("Products to list. Default 10.")] int? limit,
        HttpContext http, QueryEngine engine, CancellationToken ct)
    {
        if (by is not (null or "revenue" or "units"))
        {
            return Task.FromResult<Results<CachedJson<QueryResult>, ValidationProblem>>(FieldProblems.Invalid([new("by", $"'{by}' is not a ranking; valid: revenue, units")], FieldProblems.InvalidQuery));
        }
        var rank = by ?? "revenue";
        return QueryResponses.RunAsync(http, engine, window.Query(Datasets.OrderItems, "revenue", "units") with
        {
            GroupBy = ["product"], Sort = new QuerySort(rank), Limit = limit ?? 10,
        }, ct);
    }

    private static Task<Results<CachedJson<QueryResult>, ValidationProblem>> Bucketed(Window window, string? interval, ComparisonPeriod? compare, HttpContext http, QueryEngine engine, CancellationToken ct, params string[] metrics)
    {
        if (!WireNames.TryParse<TimeBucket>(interval ?? "day", out var bucket))
        {
            return Task.FromResult<Results<CachedJson<QueryResult>, ValidationProblem>>(FieldProblems.Invalid([new("interval", $"'{interval}' is not an interval; valid: {string.Join(", ", WireNames.All<TimeBucket>())}")], FieldProblems.InvalidQuery));
        }
        return QueryResponses.RunAsync(http, engine, window.Query(Datasets.Orders, metrics) with { Bucket = bucket, Compare = compare }, ct);
    }
}
