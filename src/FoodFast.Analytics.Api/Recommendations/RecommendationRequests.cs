using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using FoodFast.Analytics.Api.Queries;
using FoodFast.Analytics.Core.Recommendations;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Core.Validation;
using FoodFast.Analytics.Promotions.Weather;

namespace FoodFast.Analytics.Api.Recommendations;

/// <summary>Validates recommendation parameters (every problem names its field) and runs them against the store.</summary>
internal static partial class RecommendationRequests
{
    public const int DefaultBoughtTogetherDays = 90;

    [GeneratedRegex("^([0-9]{1,4})([hd])$")]
    private static partial Regex WindowPattern();

    public static async Task<BoughtTogetherResult?> BoughtTogetherAsync(string productId, Window window, int? limit, int? minSupport, int defaultMinSupport,
        IAnalyticsStore store, List<FieldProblem> problems, CancellationToken ct)
    {
        if (productId.Length is 0 or > 128 || !Patterns.IsStorableText(productId))
        {
            problems.Add(new("productId", "must be 1 to 128 characters of valid Unicode without NUL"));
        }
        Check(problems, "limit", limit, 1, 50);
        Check(problems, "minSupport", minSupport, 1, 1_000_000);
        problems.AddRange(window.Problems());
        var range = (window with { Days = window.Days ?? DefaultBoughtTogetherDays }).Query(Core.Queries.Datasets.Orders);
        if (problems.Count > 0)
        {
            return null;
        }
        var clock = Stopwatch.StartNew();
        var query = new BoughtTogetherQuery(range.ShopId, productId, range.From, range.To, minSupport ?? defaultMinSupport, limit ?? 10);
        var counts = await store.Recommendations.PairsAsync(query, ct);
        return new BoughtTogetherResult(productId, counts.Orders, counts.OrdersWithProduct, query.MinSupport, BoughtTogether.Score(counts, query.Limit),
            Meta(store, clock, range.From, range.To));
    }

    public static async Task<TrendingResult?> TrendingAsync(string? shopId, string? window, int? limit, DateTimeOffset? to, IAnalyticsStore store,
        TimeProvider time, List<FieldProblem> problems, CancellationToken ct)
    {
        var length = ParseWindow(window ?? "7d");
        if (length is null)
        {
            problems.Add(new("window", $"'{window}' is not a window; use hours or days like 24h, 7d or 30d (1h to 365d)"));
        }
        Check(problems, "limit", limit, 1, 100);
        if (problems.Count > 0)
        {
            return null;
        }
        var clock = Stopwatch.StartNew();
        var query = new TrendingQuery(shopId, to ?? time.GetUtcNow(), length!.Value);
        var units = await store.Recommendations.UnitsAsync(query, ct);
        return new TrendingResult(window ?? "7d", query.RecentFrom, query.PreviousFrom, Trending.Rising(units, limit ?? 20), Trending.New(units, limit ?? 20),
            Meta(store, clock, query.PreviousFrom, query.To));
    }

    /// <summary>Weather named in the query: temperature and condition together, wind optional.</summary>
    public static RequestedWeather Weather(decimal? temperature, string? condition, decimal? wind, List<FieldProblem> problems)
    {
        var requested = new RequestedWeather(temperature, condition?.Trim().ToLowerInvariant(), wind);
        if (requested.IsGiven && (temperature is null || condition is null))
        {
            problems.Add(new(temperature is null ? "temperature" : "condition", "temperature and condition are given together (or neither, to use the weather provider)"));
        }
        if (temperature is < -90 or > 60)
        {
            problems.Add(new("temperature", "must be between -90 and 60 (°C)"));
        }
        if (wind is < 0 or > 120)
        {
            problems.Add(new("wind", "must be between 0 and 120 (m/s)"));
        }
        if (WeatherResolver.ConditionProblem(requested.Condition) is { } problem)
        {
            problems.Add(new("condition", problem));
        }
        return requested;
    }

    public static void CheckCity(string? city, List<FieldProblem> problems)
    {
        if (city is not null && (city.Trim().Length is 0 or > 100 || !Patterns.IsStorableText(city)))
        {
            problems.Add(new("city", "must be 1 to 100 characters of valid Unicode without NUL"));
        }
    }

    private static TimeSpan? ParseWindow(string text)
    {
        var match = WindowPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }
        var count = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var length = match.Groups[2].Value == "h" ? TimeSpan.FromHours(count) : TimeSpan.FromDays(count);
        return length >= TimeSpan.FromHours(1) && length <= TimeSpan.FromDays(365) ? length : null;
    }

    private static void Check(List<FieldProblem> problems, string field, int? value, int min, int max)
    {
        if (value < min || value > max)
        {
            problems.Add(new(field, $"must be between {min} and {max}"));
        }
    }

    private static RecommendationMeta Meta(IAnalyticsStore store, Stopwatch clock, DateTimeOffset from, DateTimeOffset to) =>
        new(store.Backend, Math.Round(clock.Elapsed.TotalMilliseconds, 1), from, to);
}
