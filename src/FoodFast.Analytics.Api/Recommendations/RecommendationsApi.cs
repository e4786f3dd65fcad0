using FoodFast.Analytics.Api.Queries;
using FoodFast.Analytics.Core.Ingestion.Validation;
using FoodFast.Analytics.Core.Recommendations;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Promotions;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Api.Recommendations;

/// <summary>Bought together, trending, weather-aware promotions, and the storefront's combined <c>/recommendations</c>.</summary>
internal static class RecommendationsApi
{
    public static void MapRecommendationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/recommendations").WithTags("Recommendations");
        group.MapGet("/products/{productId}/bought-together", BoughtTogetherAsync).WithName("GetBoughtTogether")
            .WithSummary("Products most often in the same orders as productId (from/to or days, default 90), by lift, with support and confidence; pairs in fewer than minSupport orders are left out.")
            .Produces<BoughtTogetherResult>().ProducesValidationProblem();
        group.MapGet("/trending", TrendingAsync).WithName("GetTrendingProducts")
            .WithSummary("Products whose units in the recent window (window=7d default, 1h to 365d, ending at to or now) rose most against the previous equal window, with the ratio; new products listed apart.")
            .Produces<TrendingResult>().ProducesValidationProblem();
        group.MapGet("/promotions", PromotionsAsync).WithName("GetPromotions")
            .WithSummary("Promotion suggestions from the rules file over the weather (city via the weather provider, or temperature and condition in the query) and category trends; each says which rule fired and why.")
            .Produces<PromotionsResult>().ProducesValidationProblem();
        app.MapGet("/recommendations", StorefrontAsync).WithName("GetStorefrontRecommendations").WithTags("Recommendations")
            .WithSummary("Storefront alias: trending products, promotion suggestions and, with productId, what is bought with it, in one answer.")
            .Produces<StorefrontRecommendations>().ProducesValidationProblem();
    }

    public static async Task<IResult> BoughtTogetherAsync(string productId, [AsParameters] Window window, int? limit, int? minSupport,
        IAnalyticsStore store, IOptions<PromotionOptions> options, CancellationToken ct)
    {
        var problems = new List<FieldProblem>();
        var result = await RecommendationRequests.BoughtTogetherAsync(productId, window, limit, minSupport, options.Value.MinSupport, store, problems, ct);
        return result is null ? QueryResponses.Invalid(problems) : TypedResults.Ok(result);
    }

    public static async Task<IResult> TrendingAsync([AsParameters] ShopSelection shop, string? window, int? limit, DateTimeOffset? to,
        IAnalyticsStore store, TimeProvider time, CancellationToken ct)
    {
        var problems = new List<FieldProblem>();
        var result = await RecommendationRequests.TrendingAsync(shop.ShopId, window, limit, to, store, time, problems, ct);
        return result is null ? QueryResponses.Invalid(problems) : TypedResults.Ok(result);
    }

    public static async Task<IResult> PromotionsAsync([AsParameters] ShopSelection shop, string? city, decimal? temperature, string? condition, decimal? wind,
        DateTimeOffset? to, PromotionService promotions, CancellationToken ct)
    {
        var problems = new List<FieldProblem>();
        RecommendationRequests.CheckCity(city, problems);
        var weather = RecommendationRequests.Weather(temperature, condition, wind, problems);
        if (problems.Count > 0)
        {
            return QueryResponses.Invalid(problems);
        }
        return TypedResults.Ok(await promotions.SuggestAsync(new PromotionRequest(shop.ShopId, city, weather, to), ct));
    }

    public static async Task<IResult> StorefrontAsync([AsParameters] ShopSelection shop, string? productId, string? city, decimal? temperature, string? condition,
        decimal? wind, int? limit, IAnalyticsStore store, PromotionService promotions, IOptions<PromotionOptions> options, TimeProvider time, CancellationToken ct)
    {
        var problems = new List<FieldProblem>();
        RecommendationRequests.CheckCity(city, problems);
        var weather = RecommendationRequests.Weather(temperature, condition, wind, problems);
        var trending = await RecommendationRequests.TrendingAsync(shop.ShopId, "7d", limit, null, store, time, problems, ct);
        var together = productId is null ? null
            : await RecommendationRequests.BoughtTogetherAsync(productId, new Window(shop.ShopId, null, null, null, null), limit, null, options.Value.MinSupport, store, problems, ct);
        if (problems.Count > 0)
        {
            return QueryResponses.Invalid(problems);
        }
        var suggested = await promotions.SuggestAsync(new PromotionRequest(shop.ShopId, city, weather, null), ct);
        return TypedResults.Ok(new StorefrontRecommendations(shop.ShopId, trending!, suggested, together));
    }
}

/// <param name="BoughtTogether">Present when productId was given.</param>
public sealed record StorefrontRecommendations(string? ShopId, TrendingResult Trending, PromotionsResult Promotions, BoughtTogetherResult? BoughtTogether);
