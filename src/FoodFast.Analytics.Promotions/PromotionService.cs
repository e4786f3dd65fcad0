using FoodFast.Analytics.Core.Recommendations;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Promotions.Rules;
using FoodFast.Analytics.Promotions.Weather;
using FoodFast.Analytics.Promotions.Wording;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Promotions;

/// <param name="To">End of the sales window the trending signals read (default now).</param>
public sealed record PromotionRequest(string? ShopId, string? City, RequestedWeather Weather, DateTimeOffset? To);

/// <param name="Message">The text to show: the model's phrasing or the rule's filled template.</param>
/// <param name="Because">The facts that made the rule fire.</param>
public sealed record Promotion(string RuleId, string Message, IReadOnlyList<string> Categories, IReadOnlyList<string> Products, IReadOnlyList<string> Because);

/// <param name="Weather">The weather the rules saw; null when none was available.</param>
/// <param name="WeatherNote">Why there is no weather, or why a fallback was used.</param>
/// <param name="Wording">template, ai, or ai+template.</param>
public sealed record PromotionsResult(string? ShopId, WeatherReading? Weather, string? WeatherNote, string Wording, string? WordingNote, string Rules, IReadOnlyList<Promotion> Suggestions);

/// <summary>Facts first (weather, category trends), then rules decide, then the wording is chosen.</summary>
public sealed class PromotionService(IAnalyticsStore store, PromotionRuleSet rules, WeatherResolver weather, PromotionWording wording,
    IOptions<PromotionOptions> options, TimeProvider time)
{
    public async Task<PromotionsResult> SuggestAsync(PromotionRequest request, CancellationToken cancellationToken)
    {
        var lookup = await weather.ResolveAsync(request.City, request.Weather, cancellationToken);
        var days = options.Value.SignalWindowDays;
        IReadOnlyDictionary<string, (long Recent, long Previous)> categories = new Dictionary<string, (long, long)>();
        if (rules.Rules.Any(r => r.When.Trending is not null))
        {
            var units = await store.Recommendations.UnitsAsync(new TrendingQuery(request.ShopId, request.To ?? time.GetUtcNow(), TimeSpan.FromDays(days)), cancellationToken);
            categories = Trending.ByCategory(units);
        }
        var suggestions = RuleEvaluator.Evaluate(rules.Rules, lookup.Reading, categories, days);
        var words = await wording.WordAsync(request.ShopId ?? "*", suggestions, cancellationToken);
        var promotions = suggestions.Select((s, i) => new Promotion(s.RuleId, words.Texts[i], s.Categories, s.Products, s.Because)).ToList();
        return new PromotionsResult(request.ShopId, lookup.Reading, lookup.Unavailable, words.Source, words.Note, rules.Source, promotions);
    }
}
