using System.Globalization;
using FoodFast.Analytics.Promotions.Weather;

namespace FoodFast.Analytics.Promotions.Rules;

/// <summary>A rule that fired: what it favours, its template text, and the facts that made it fire.</summary>
public sealed record PromotionSuggestion(string RuleId, IReadOnlyList<string> Categories, IReadOnlyList<string> Products, string Template, IReadOnlyList<string> Because);

/// <summary>Decides which rules fire from the facts alone (weather and category units); the wording never does.</summary>
public static class RuleEvaluator
{
    public static IReadOnlyList<PromotionSuggestion> Evaluate(IReadOnlyList<PromotionRule> rules, WeatherReading? weather,
        IReadOnlyDictionary<string, (long Recent, long Previous)> categoryUnits, int windowDays)
    {
        var suggestions = new List<PromotionSuggestion>();
        foreach (var rule in rules)
        {
            var because = new List<string>();
            if (Holds(rule.When, weather, categoryUnits, windowDays, because))
            {
                suggestions.Add(new PromotionSuggestion(rule.Id, rule.Favour.Categories, rule.Favour.Products, Fill(rule, weather), because));
            }
        }
        return suggestions;
    }

    private static bool Holds(RuleConditions when, WeatherReading? weather, IReadOnlyDictionary<string, (long Recent, long Previous)> units, int days, List<string> because)
    {
        if (when.TemperatureC is { } temperature)
        {
            if (weather is null || !temperature.Contains(weather.TemperatureC))
            {
                return false;
            }
            because.Add($"temperature {N(weather.TemperatureC)}°C is {Describe(temperature, "°C")}");
        }
        if (when.Conditions is { } conditions)
        {
            if (weather is null || !conditions.Contains(weather.Condition))
            {
                return false;
            }
            because.Add($"condition is {weather.Condition} (rule: {string.Join(", ", conditions)})");
        }
        if (when.WindSpeedMs is { } wind)
        {
            if (weather?.WindSpeedMs is not { } speed || !wind.Contains(speed))
            {
                return false;
            }
            because.Add($"wind {N(speed)} m/s is {Describe(wind, " m/s")}");
        }
        if (when.Trending is { } trending)
        {
            var rising = trending.Categories
                .Where(c => units.TryGetValue(c, out var u) && u.Previous > 0 && (decimal)u.Recent / u.Previous >= trending.MinRatio)
                .Select(c => (Category: c, units[c].Recent, units[c].Previous)).ToList();
            if (rising.Count == 0)
            {
                return false;
            }
            because.AddRange(rising.Select(r =>
                $"{r.Category} sold {r.Recent} units in the last {days} days against {r.Previous} before (x{N(Math.Round((decimal)r.Recent / r.Previous, 2))}, rule: at least x{N(trending.MinRatio)})"));
        }
        return true;
    }

    private static string Fill(PromotionRule rule, WeatherReading? weather) => rule.Message
        .Replace("{city}", weather?.City ?? "your area", StringComparison.Ordinal)
        .Replace("{temperature}", weather is null ? "?" : N(weather.TemperatureC), StringComparison.Ordinal)
        .Replace("{condition}", weather?.Condition ?? "?", StringComparison.Ordinal)
        .Replace("{wind}", weather?.WindSpeedMs is { } w ? N(w) : "?", StringComparison.Ordinal)
        .Replace("{categories}", string.Join(", ", rule.Favour.Categories), StringComparison.Ordinal)
        .Replace("{products}", string.Join(", ", rule.Favour.Products), StringComparison.Ordinal);

    private static string Describe(NumberRange range, string unit) => (range.Min, range.Max) switch
    {
        ({ } min, { } max) => $"between {N(min)}{unit} and {N(max)}{unit}",
        ({ } min, null) => $"at least {N(min)}{unit}",
        (null, { } max) => $"at most {N(max)}{unit}",
        _ => "any",
    };

    private static string N(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
