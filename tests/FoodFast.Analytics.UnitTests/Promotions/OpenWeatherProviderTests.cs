using FoodFast.Analytics.Promotions;
using FoodFast.Analytics.Promotions.Weather;
using FoodFast.Analytics.UnitTests.Elasticsearch.Support;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.UnitTests.Promotions;

/// <summary>The OpenWeather provider against a local listener playing OpenWeather's answers: success, cache, timeout, 401, 500.</summary>
public sealed class OpenWeatherProviderTests
{
    private const string Key = "weather-key-123";
    private static readonly DateTimeOffset Start = new(2026, 7, 1, 12, 0, 0, TimeSpan.Zero);

    public const string Berlin = """
        {"coord":{"lon":13.41,"lat":52.52},"weather":[{"id":800,"main":"Clear","description":"clear sky","icon":"01d"}],"base":"stations",
         "main":{"temp":31.37,"feels_like":31.1,"temp_min":29.9,"temp_max":32.8,"pressure":1016,"humidity":33},"visibility":10000,
         "wind":{"speed":3.6,"deg":250},"clouds":{"all":0},"dt":1782907200,"sys":{"country":"DE","sunrise":1782873600,"sunset":1782933000},
         "timezone":7200,"id":2950159,"name":"Berlin","cod":200}
        """;

    private static (OpenWeatherProvider Provider, ManualTime Time, CapturingLogger Log) Provider(ScriptedNode node, double timeoutSeconds = 5)
    {
        var time = new ManualTime(Start);
        var log = new CapturingLogger();
        var options = Options.Create(new PromotionOptions { Weather = { ApiKey = Key, BaseUrl = node.Url, TimeoutSeconds = timeoutSeconds } });
        return (new OpenWeatherProvider(new HttpClient(), options, time, log), time, log);
    }

    [Fact]
    public async Task A_city_answer_becomes_a_reading_in_celsius_with_condition_and_wind()
    {
        using var node = ScriptedNode.Playing(new ScriptedResponse(200, Berlin));
        var (provider, _, _) = Provider(node);

        var lookup = await provider.CurrentAsync("Berlin", TestContext.Current.CancellationToken);

        Assert.Equal(new WeatherReading("openweather", "Berlin", 31.4m, "clear", 3.6m, DateTimeOffset.FromUnixTimeSeconds(1782907200)), lookup.Reading);
        Assert.Equal($"/data/2.5/weather?q=Berlin&appid={Key}&units=metric", Assert.Single(node.Requests).PathAndQuery);
    }

    [Fact]
    public async Task A_city_is_asked_once_per_ten_minutes()
    {
        using var node = ScriptedNode.Playing(new ScriptedResponse(200, Berlin));
        var (provider, time, _) = Provider(node);
        var ct = TestContext.Current.CancellationToken;

        await provider.CurrentAsync("Berlin", ct);
        time.Advance(TimeSpan.FromMinutes(9));
        var cached = await provider.CurrentAsync("berlin", ct);
        var afterCached = node.Requests.Count;
        time.Advance(TimeSpan.FromMinutes(1));
        await provider.CurrentAsync("Berlin", ct);

        Assert.Equal(31.4m, cached.Reading!.TemperatureC);
        Assert.Equal(1, afterCached);
        Assert.Equal(2, node.Requests.Count);
    }

    [Theory]
    [InlineData(401, """{"cod":401,"message":"Invalid API key."}""", "the weather service rejected the API key (401); check WEATHER_API_KEY")]
    [InlineData(404, """{"cod":"404","message":"city not found"}""", "the weather service does not know the city 'Berlin' (404)")]
    [InlineData(500, "oops", "the weather service answered 500")]
    [InlineData(200, """{"cod":200,"name":"Berlin"}""", "the weather service sent an answer without main.temp and weather[0].main")]
    public async Task Errors_become_an_unavailable_reason_are_not_cached_and_never_log_the_key(int status, string body, string reason)
    {
        using var node = ScriptedNode.Playing(new ScriptedResponse(status, body));
        var (provider, _, log) = Provider(node);

        var first = await provider.CurrentAsync("Berlin", TestContext.Current.CancellationToken);
        await provider.CurrentAsync("Berlin", TestContext.Current.CancellationToken);

        Assert.Equal(WeatherLookup.None(reason), first);
        Assert.Equal(2, node.Requests.Count);
        Assert.NotEmpty(log.Lines);
        Assert.DoesNotContain(log.Lines, line => line.Contains(Key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_slow_answer_times_out_into_unavailable()
    {
        using var node = ScriptedNode.Playing(new ScriptedResponse(200, Berlin, TimeSpan.FromSeconds(3)));
        var (provider, _, _) = Provider(node, timeoutSeconds: 0.2);

        var lookup = await provider.CurrentAsync("Berlin", TestContext.Current.CancellationToken);

        Assert.Equal(WeatherLookup.None("the weather service did not answer within 0.2 s"), lookup);
    }

    [Fact]
    public async Task A_refused_connection_is_unavailable_too()
    {
        var options = Options.Create(new PromotionOptions { Weather = { ApiKey = Key, BaseUrl = ScriptedNode.RefusingUrl() } });
        var provider = new OpenWeatherProvider(new HttpClient(), options, new ManualTime(Start), new CapturingLogger());

        var lookup = await provider.CurrentAsync("Berlin", TestContext.Current.CancellationToken);

        Assert.Equal(WeatherLookup.None("the weather service is unreachable (ConnectionError)"), lookup);
    }
}
