using System.ComponentModel;
using FoodFast.Analytics.Core.Queries.Families;
using FoodFast.Analytics.Core.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FoodFast.Analytics.Api.Queries;

/// <summary>Funnel, retention cohorts, RFM segments and full-text search.</summary>
internal static class FamiliesApi
{
    public static void MapFamiliesApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/analytics/users").WithTags("Users");
        users.MapGet("/conversion", Conversion).WithName("GetConversionFunnel")
            .WithSummary("Funnel: sessions (unit=session) or users (unit=user) reaching each step in order within windowMinutes of the first (steps default product_view,add_to_cart,checkout_start,purchase).");
        users.MapGet("/retention", Retention).WithName("GetRetention")
            .WithSummary("Cohorts by the month (period=month) or ISO week (period=week) of each customer's first order; customers active in each following period.");
        users.MapGet("/segments", Segments).WithName("GetSegments")
            .WithSummary("RFM segments (champions, loyal, new, at_risk, lost) as of the end of the window, from orders in lookbackDays (default 365).");
        app.MapGet("/analytics/search", Search).WithName("Search").WithTags("Search")
            .WithSummary("Full-text search over orders (ids, customer, product names) and events (queries, products, ids): type=all|orders|events, page, size.");
    }

    public static Task<Results<CachedJson<FunnelResult>, ValidationProblem>> Conversion(
        [AsParameters] Window window,
        [Description("Funnel steps, 2 to 10 event types separated by commas. Default product_view,add_to_cart,checkout_start,purchase.")] string? steps,
        [Description("What moves through the funnel: session or user. Default session.")] string? unit,
        [Description("Minutes from the first step within which the later steps count (1-43200). Default 1440.")] int? windowMinutes,
        HttpContext http, FamilyEngine engine, CancellationToken ct) =>
        QueryResponses.SendAsync<FunnelResult>(http, engine.FunnelAsync(window.Query(Datasets.Events), steps, unit, windowMinutes, ct));

    public static Task<Results<CachedJson<RetentionResult>, ValidationProblem>> Retention(
        [AsParameters] Window window,
        [Description("Cohort period: month or week. Default month.")] string? period,
        [Description("Periods followed after the first (1-36). Default 6.")] int? periods,
        HttpContext http, FamilyEngine engine, CancellationToken ct) =>
        QueryResponses.SendAsync<RetentionResult>(http, engine.RetentionAsync(window.QueryMonthsBack(Datasets.Orders, 6), period, periods, ct));

    public static Task<Results<CachedJson<SegmentResult>, ValidationProblem>> Segments(
        [AsParameters] Window window,
        [Description("Days of orders before the end of the window that count (1-3650). Default 365.")] int? lookbackDays,
        HttpContext http, FamilyEngine engine, CancellationToken ct) =>
        QueryResponses.SendAsync<SegmentResult>(http, engine.SegmentsAsync(window.Query(Datasets.Orders), window.To, lookbackDays, ct));

    public static Task<Results<CachedJson<SearchPage>, ValidationProblem>> Search(
        [AsParameters] ShopSelection shop,
        [Description("Words to find (1-200 characters).")] string? query,
        [Description("What to search: all, orders or events. Default all.")] string? type,
        [Description("Page number, from 0 (0-1000). Default 0.")] int? page,
        [Description("Hits per page (1-100). Default 20.")] int? size,
        HttpContext http, FamilyEngine engine, CancellationToken ct) =>
        QueryResponses.SendAsync<SearchPage>(http, engine.SearchAsync(shop.ShopId, query, type, page, size, ct));
}
