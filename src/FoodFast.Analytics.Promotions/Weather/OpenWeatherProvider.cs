using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Promotions.Weather;

/// <summary>
/// Current weather from an OpenWeather-compatible API (<c>GET /data/2.5/weather?q=city&amp;appid=key&amp;units=metric</c>).
/// Answers are reused per city for <see cref="WeatherOptions.CacheMinutes"/>; a timeout, an error status or an
/// unreadable body is a <see cref="WeatherLookup.None"/> with the reason, never an exception. The key is sent, never logged.
/// </summary>
public sealed partial class OpenWeatherProvider(HttpClient http, IOptions<PromotionOptions> options, TimeProvider time, ILogger logger) : IWeatherProvider
{
    private readonly ConcurrentDictionary<string, (WeatherReading Reading, DateTimeOffset Until)> _cache = new(StringComparer.OrdinalIgnoreCase);
    private readonly WeatherOptions _options = options.Value.Weather;

    public async Task<WeatherLookup> CurrentAsync(string city, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(city, out var cached) && cached.Until > now)
        {
            return WeatherLookup.Of(cached.Reading);
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.TimeoutSeconds));
        var url = $"{_options.BaseUrl.TrimEnd('/')}/data/2.5/weather?q={Uri.EscapeDataString(city)}&appid={Uri.EscapeDataString(_options.ApiKey)}&units=metric";
        try
        {
            using var response = await http.GetAsync(url, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                var reason = response.StatusCode switch
                {
                    HttpStatusCode.Unauthorized => "the weather service rejected the API key (401); check WEATHER_API_KEY",
                    HttpStatusCode.NotFound => $"the weather service does not know the city '{city}' (404)",
                    var status => $"the weather service answered {(int)status}",
                };
                return Unavailable(reason);
            }
            var reading = Read(body, city, now);
            _cache[city] = (reading, now.AddMinutes(_options.CacheMinutes));
            return WeatherLookup.Of(reading);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Unavailable($"the weather service did not answer within {_options.TimeoutSeconds.ToString(CultureInfo.InvariantCulture)} s");
        }
        catch (HttpRequestException ex)
        {
            return Unavailable($"the weather service is unreachable ({ex.HttpRequestError})");
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return Unavailable("the weather service sent an answer without main.temp and weather[0].main");
        }
    }

    private WeatherLookup Unavailable(string reason)
    {
        LogUnavailable(logger, reason);
        return WeatherLookup.None(reason);
    }

    /// <summary>OpenWeather's current-weather body: <c>main.temp</c> (°C with units=metric), <c>weather[0].main</c>, <c>wind.speed</c> (m/s), <c>name</c>, <c>dt</c>.</summary>
    public static WeatherReading Read(string body, string city, DateTimeOffset now)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var main = root.GetProperty("weather")[0].GetProperty("main").GetString()!.ToLowerInvariant();
        var condition = main switch
        {
            "mist" or "haze" or "smoke" or "dust" or "sand" or "ash" => "fog",
            _ when Rules.WeatherConditions.All.Contains(main) => main,
            _ => "other",
        };
        var wind = root.TryGetProperty("wind", out var w) && w.TryGetProperty("speed", out var speed) ? Math.Round(speed.GetDecimal(), 1) : (decimal?)null;
        var observed = root.TryGetProperty("dt", out var dt) ? DateTimeOffset.FromUnixTimeSeconds(dt.GetInt64()) : now;
        var name = root.TryGetProperty("name", out var n) && n.GetString() is { Length: > 0 } found ? found : city;
        return new WeatherReading("openweather", name, Math.Round(root.GetProperty("main").GetProperty("temp").GetDecimal(), 1), condition, wind, observed);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Weather unavailable: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string reason);
}
