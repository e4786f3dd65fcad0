using FoodFast.Analytics.Promotions.Rules;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Promotions.Weather;

/// <summary>Weather named in the request (<c>?temperature=31&amp;condition=clear&amp;wind=3</c>): temperature and condition together, or none.</summary>
public sealed record RequestedWeather(decimal? TemperatureC, string? Condition, decimal? WindSpeedMs)
{
    public bool IsGiven => TemperatureC is not null || Condition is not null || WindSpeedMs is not null;
}

/// <summary>
/// Picks the weather for promotions: the request's own values first; otherwise the HTTP provider for the city when a
/// key is configured; when that fails or is absent, the static weather of the configuration; otherwise none, with why.
/// </summary>
public sealed class WeatherResolver(IOptions<PromotionOptions> options, TimeProvider time, IWeatherProvider? provider = null)
{
    public async Task<WeatherLookup> ResolveAsync(string? city, RequestedWeather requested, CancellationToken cancellationToken)
    {
        if (requested.IsGiven)
        {
            return WeatherLookup.Of(new WeatherReading("request", city, requested.TemperatureC!.Value, requested.Condition!, requested.WindSpeedMs, time.GetUtcNow()));
        }
        string? problem = null;
        if (provider is not null)
        {
            if (string.IsNullOrWhiteSpace(city))
            {
                problem = "no city given";
            }
            else
            {
                var lookup = await provider.CurrentAsync(city.Trim(), cancellationToken);
                if (lookup.Reading is not null)
                {
                    return lookup;
                }
                problem = lookup.Unavailable;
            }
        }
        var configured = options.Value.Weather;
        if (configured.StaticTemperatureC is { } temperature && configured.StaticCondition is { Length: > 0 } condition)
        {
            return new WeatherLookup(new WeatherReading("static", city, temperature, condition, configured.StaticWindSpeedMs, time.GetUtcNow()),
                problem is null ? null : $"{problem}; using the configured static weather");
        }
        return WeatherLookup.None(problem ?? "no weather: pass temperature and condition, or configure WEATHER_API_KEY or Recommendations:Weather:Static*");
    }

    /// <summary>Problems with a requested condition, for a 400 naming the field.</summary>
    public static string? ConditionProblem(string? condition) =>
        condition is null || WeatherConditions.All.Contains(condition) ? null : $"'{condition}' is not a weather condition; valid: {string.Join(", ", WeatherConditions.All)}";
}
