using System.ComponentModel;
using FoodFast.Analytics.Api.Errors;
using FoodFast.Analytics.Api.Queries;
using FoodFast.Analytics.Core.Recommendations;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Core.Validation;
using FoodFast.Analytics.Promotions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Api.Recommendations;

/// <summary>Bought together, trending, weather-aware promotions, and the storefront's combined <c>/recommendations</c>.</summary>
internal static class RecommendationsApi
{
    private const string CityText = "City for the weather provider and the messages (1-100 characters).";
    private const string TemperatureText = "°C (-90 to 60), with condition: this weather is used instead of the provider's.";
    private const string ConditionText = "With temperature: clear, clouds, rain, drizzle, thunderstorm, snow or fog.";
    private const string WindText = "m/s (0-120), optional beside temperature and condition.";

    /// <summary>The lists under <paramref name="app"/> (the API's version group); the storefront's combined answer under <paramref name="aliases"/>.</summary>
    public static void MapRecommendationsApi(this IEndpointRouteBuilder app, IEndpointRouteBuilder aliases)
    {
        var group = app.MapGroup("/recommendations").WithTags("Recommendations");
        group.MapGet("/products/{productId}/bought-together", BoughtTogetherAsync).WithName("GetBoughtTogether")
            .WithSummary("Products most often in the same orders as productId (from/to or days, default 90), by lift, with support and confidence; pairs in fewer than minSupport orders are left out.");
        group.MapGet("/trending", TrendingAsync).WithName("GetTrendingProducts")
            .WithSummary("Products whose units in the recent window (window=7d default, 1h to 365d, ending at to or now) rose most against the previous equal window, with the ratio; new products listed apart.");
        group.MapGet("/promotions", PromotionsAsync).WithName("GetPromotions")
            .WithSummary("Promotion suggestions from the rules file over the weather (city via the weather provider, or temperature and condition in the query) and category trends; each says which rule fired and why.");
        aliases.MapGet("/recommendations", StorefrontAsync).WithName("GetStorefrontRecommendations").WithTags("Recommendations")
            .WithSummary("Storefront alias: trending products, promotion suggestions and, with productId, what is bought with it, in one answer.");
    }

    public static async Task<Results<Ok<BoughtTogetherResult>, ValidationProblem>> BoughtTogetherAsync(
        [Description("The product whose companions to list (1-128 characters).")] string productId,
        [AsParameters] Window window,
        [Description("Products to list (1-50). Default 10.")] int? limit,
        [Description("Orders a pair must share to be listed (1-1000000). Default Recommendations:MinSupport, 2.")] int? minSupport,
        IAnalyticsStore store, IOptions<PromotionOptions> options, CancellationToken ct)
    {
        var problems = new List<FieldProblem>();
        var result = await RecommendationRequests.BoughtTogetherAsync(productId, window, limit, minSupport, options.Value.MinSupport, store, problems, ct);
        return result is null ? FieldProblems.Invalid(problems, FieldProblems.InvalidQuery) : TypedResults.Ok(result);
    }

    public static async Task<Results<Ok<TrendingResult>, ValidationProblem>> TrendingAsync(
        [AsParameters] ShopSelection shop,
        [Description("Length of the recent window, in hours or days: 24h, 7d, 30d (1h to 365d). Default 7d.")] string? window,
        [Description("Products to list in rising and in new (1-100). Default 20.")] int? limit,
        [Description("End of the recent window, exclusive (ISO-8601). Default now.")] DateTimeOffset? to,
        IAnalyticsStore store, TimeProvider time, CancellationToken ct)
    {
        var problems = new List<FieldProblem>();
        var result = await RecommendationRequests.TrendingAsync(shop.ShopId, window, limit, to, store, time, problems, ct);
        return result is null ? FieldProblems.Invalid(problems, FieldProblems.InvalidQuery) : TypedResults.Ok(result);
    }

    public static async Task<Results<Ok<PromotionsResult>, ValidationProblem>> PromotionsAsync(
        [AsParameters] ShopSelection shop,
        [Description(CityText)] string? city,
        [Description(TemperatureText)] decimal? temperature,
        [Description(ConditionText)] string? condition,
        [Description(WindText)] decimal? wind,
        [Description("End of the two sales windows the trend rules compare, exclusive (ISO-8601). Default now.")] DateTimeOffset? to,
        PromotionService promotions, CancellationToken ct)
    {
        var problems = new List<FieldProblem>();
        RecommendationRequests.CheckCity(city, problems);
        var weather = RecommendationRequests.Weather(temperature, condition, wind, problems);
        if (problems.Count > 0)
        {
            return FieldProblems.Invalid(problems, FieldProblems.InvalidQuery);
        }
        return TypedResults.Ok(await promotions.SuggestAsync(new PromotionRequest(shop.ShopId, city, weather, to), ct));
    }

    public static async Task<Results<Ok<StorefrontRecommendations>, ValidationProblem>> StorefrontAsync(
        [AsParameters] ShopSelection shop,
        [Description("With it, the answer also lists the products bought with this one in the last 90 days.")] string? productId,
        [Description(CityText)] string? city,
        [Description(TemperatureText)] decimal? temperature,
        [Description(ConditionText)] string? condition,
        [Description(WindText)] decimal? wind,
        [Description("Products per list: 1-100, or 1-50 with productId. Default 20 trending, 10 bought together.")] int? limit,
        IAnalyticsStore store, PromotionService promotions, IOptions<PromotionOptions> options, TimeProvider time, CancellationToken ct)
    {
        var problems = new List<FieldProblem>();
        RecommendationRequests.CheckCity(city, problems);
        var weather = RecommendationRequests.Weather(temperature, condition, wind, problems);
        var trending = await RecommendationRequests.TrendingAsync(shop.ShopId, "7d", limit, null, store, time, problems, ct);
        var together = productId is null ? null
            : await RecommendationRequests.BoughtTogetherAsync(productId, new Window(shop.ShopId, null, null, null, null, null, time), limit, null, options.Value.MinSupport, store, problems, ct);
        if (problems.Count > 0)
        {
            return FieldProblems.Invalid(problems, FieldProblems.InvalidQuery);
        }
        var suggested = await promotions.SuggestAsync(new PromotionRequest(shop.ShopId, city, weather, null), ct);
        return TypedResults.Ok(new StorefrontRecommendations(shop.ShopId, trending!, suggested, together));
    }
}

/// <param name="BoughtTogether">Present when productId was given.</param>
public sealed record StorefrontRecommendations(string? ShopId, TrendingResult Trending, PromotionsResult Promotions, BoughtTogetherResult? BoughtTogether);
