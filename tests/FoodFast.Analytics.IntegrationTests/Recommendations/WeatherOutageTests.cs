using FoodFast.Analytics.Api.Security;
using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.Recommendations;

/// <summary>The API with a weather key whose service is down: promotions still answer, from the static weather, and say why.</summary>
public sealed class WeatherOutageTests(WeatherOutageTests.Factory api) : IClassFixture<WeatherOutageTests.Factory>
{
    public sealed class Factory : ApiFactory
    {
        protected override void Configure(IDictionary<string, string?> settings)
        {
            settings["Recommendations:Weather:ApiKey"] = "weather-key-not-logged";
            settings["Recommendations:Weather:BaseUrl"] = $"http://127.0.0.1:{TestServers.ClosedPort}";
            settings["Recommendations:Weather:StaticTemperatureC"] = "30";
            settings["Recommendations:Weather:StaticCondition"] = "clear";
        }
    }

    [Fact]
    public async Task An_unreachable_weather_service_falls_back_to_static_weather_and_never_fails_the_request()
    {
        var client = await api.CreateClientAsync(Role.Analyst, "shop-w");

        var response = await client.GetAsync("/api/v1/recommendations/promotions?city=Berlin", TestContext.Current.CancellationToken);
        var body = await response.ReadJsonAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("static", 30m), (body.GetProperty("weather").GetProperty("source").GetString(), body.GetProperty("weather").GetProperty("temperatureC").GetDecimal()));
        Assert.Equal("the weather service is unreachable (ConnectionError); using the configured static weather", body.GetProperty("weatherNote").GetString());
        Assert.Equal(["hot-day"], body.GetProperty("suggestions").EnumerateArray().Select(s => s.GetProperty("ruleId").GetString()));
        Assert.DoesNotContain("weather-key-not-logged", body.GetRawText(), StringComparison.Ordinal);
    }
}
