namespace FoodFast.Analytics.Promotions.Weather;

/// <param name="Source">openweather, static (configuration) or request (the query string).</param>
/// <param name="Condition">One of <see cref="Rules.WeatherConditions.All"/>, or other.</param>
public sealed record WeatherReading(string Source, string? City, decimal TemperatureC, string Condition, decimal? WindSpeedMs, DateTimeOffset ObservedAt);

/// <summary>A reading, or why there is none; a lookup never throws.</summary>
public sealed record WeatherLookup(WeatherReading? Reading, string? Unavailable)
{
    public static WeatherLookup Of(WeatherReading reading) => new(reading, null);

    public static WeatherLookup None(string reason) => new(null, reason);
}

/// <summary>Current weather for a city. Implementations answer <see cref="WeatherLookup.None"/> on any failure.</summary>
public interface IWeatherProvider
{
    Task<WeatherLookup> CurrentAsync(string city, CancellationToken cancellationToken);
}
