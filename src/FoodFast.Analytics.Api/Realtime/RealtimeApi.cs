using FoodFast.Analytics.Api.Errors;
using FoodFast.Analytics.Api.Queries;
using FoodFast.Analytics.Core.Live;
using FoodFast.Analytics.Redis.Live;
using Microsoft.AspNetCore.Http.HttpResults;
using StackExchange.Redis;

namespace FoodFast.Analytics.Api.Realtime;

/// <summary>The live counters over HTTP: a shop's rolling figures, one product's, and the rebuild from the store.</summary>
internal static class RealtimeApi
{
    /// <summary>The live figures under <paramref name="app"/> (the API's version group); the old last-minute path under <paramref name="aliases"/>.</summary>
    public static void MapRealtimeApi(this IEndpointRouteBuilder app, IEndpointRouteBuilder aliases)
    {
        var realtime = app.MapGroup("/analytics/realtime").WithTags("Real-time");
        realtime.MapGet("/", GetRealtime).WithName("GetRealtime")
            .WithSummary("Orders and revenue (per currency) of the last 1, 5 and 60 minutes, top products of the hour, active sessions, per-minute series.");
        realtime.MapGet("/products/{productId}", GetRealtimeProduct).WithName("GetRealtimeProduct")
            .WithSummary("One product's units, orders and revenue over the last 5 and 60 minutes.");
        aliases.MapGet("/analytics", GetLastMinute).WithName("GetLastMinute").WithTags("Real-time")
            .WithSummary("Alias: the last-minute order count and revenue.");
    }

    public static void MapRealtimeAdminApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/admin/realtime/rebuild", Rebuild).WithName("RebuildRealtimeCounters").WithTags("Real-time")
            .WithSummary("Recomputes a shop's minute counters from the analytics store for the last `minutes` (1-60, default 60).");
    }

    public static Task<Results<Ok<RealtimeFigures>, ValidationProblem, ProblemHttpResult>> GetRealtime(
        [AsParameters] ShopSelection shop, RealtimeReader reader, CancellationToken cancellationToken) =>
        WithShopAsync(shop, async id => TypedResults.Ok(await reader.FiguresAsync(id, cancellationToken)));

    public static Task<Results<Ok<RealtimeProduct>, ValidationProblem, ProblemHttpResult>> GetRealtimeProduct(
        string productId, [AsParameters] ShopSelection shop, RealtimeReader reader, CancellationToken cancellationToken) =>
        WithShopAsync(shop, async id => TypedResults.Ok(await reader.ProductAsync(id, productId, cancellationToken)));

    public static Task<Results<Ok<LastMinute>, ValidationProblem, ProblemHttpResult>> GetLastMinute(
        [AsParameters] ShopSelection shop, RealtimeReader reader, CancellationToken cancellationToken) =>
        WithShopAsync(shop, async id =>
        {
            var figures = await reader.FiguresAsync(id, cancellationToken);
            return TypedResults.Ok(new LastMinute(figures.ShopId, figures.At, figures.OrderCountLastMinute, figures.RevenueLastMinute));
        });

    public static Task<Results<Ok<CounterRebuilder.Rebuilt>, ValidationProblem, ProblemHttpResult>> Rebuild(
        string? shopId, int? minutes, CounterRebuilder rebuilder, CancellationToken cancellationToken)
    {
        if (minutes is < 1 or > LiveCounters.WindowMinutes)
        {
            return Task.FromResult<Results<Ok<CounterRebuilder.Rebuilt>, ValidationProblem, ProblemHttpResult>>(
                FieldProblems.Invalid("minutes", $"must be 1 to {LiveCounters.WindowMinutes}: counters cover the last hour"));
        }
        return WithShopAsync(new ShopSelection(shopId), async id =>
            TypedResults.Ok(await rebuilder.RebuildAsync(id, minutes ?? LiveCounters.WindowMinutes, cancellationToken)));
    }

    /// <summary>Counters are per shop: an all-shops caller must name one. Redis down is a 503, since Redis is where they live.</summary>
    private static async Task<Results<Ok<T>, ValidationProblem, ProblemHttpResult>> WithShopAsync<T>(ShopSelection shop, Func<string, Task<Ok<T>>> read)
    {
        if (shop.ShopId is not { } id)
        {
            return FieldProblems.Invalid("shopId", "live counters are per shop: name one with ?shopId=");
        }
        try
        {
            return await read(id);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or LiveCountersUnavailableException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Live counters unavailable",
                detail: $"Live counters live in Redis, which did not answer: {ex.Message}");
        }
    }

    public sealed record LastMinute(string ShopId, DateTimeOffset At, long OrderCountLastMinute, IReadOnlyDictionary<string, decimal> RevenueLastMinute);
}
