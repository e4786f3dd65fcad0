namespace FoodFast.Analytics.Promotions.Rules;

/// <summary>One rule of the rules file: when it fires, what it favours, and the message template.</summary>
public sealed record PromotionRule(string Id, RuleConditions When, RuleFavours Favour, string Message);

/// <summary>Every condition present must hold; a weather condition never holds without weather.</summary>
public sealed record RuleConditions(NumberRange? TemperatureC, IReadOnlyList<string>? Conditions, NumberRange? WindSpeedMs, TrendingCondition? Trending);

/// <summary>Inclusive bounds; either may be absent.</summary>
public sealed record NumberRange(decimal? Min, decimal? Max)
{
    public bool Contains(decimal value) => (Min is null || value >= Min) && (Max is null || value <= Max);
}

/// <summary>Holds when at least one of the categories sold MinRatio times its units of the previous window.</summary>
public sealed record TrendingCondition(IReadOnlyList<string> Categories, decimal MinRatio);

public sealed record RuleFavours(IReadOnlyList<string> Categories, IReadOnlyList<string> Products);

public static class WeatherConditions
{
    /// <summary>The conditions rules and requests may name (OpenWeather's main groups; mist, haze and smoke read as fog).</summary>
    public static readonly IReadOnlyList<string> All = ["clear", "clouds", "rain", "drizzle", "thunderstorm", "snow", "fog"];

    public static readonly IReadOnlyList<string> Placeholders = ["city", "temperature", "condition", "wind", "categories", "products"];
}
