using FoodFast.Analytics.Promotions;
using FoodFast.Analytics.Promotions.Rules;
using FoodFast.Analytics.Promotions.Weather;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.UnitTests.Promotions;

/// <summary>The rules file: the embedded defaults load, every mistake is named by rule and field, and rules fire on facts only.</summary>
public sealed class RuleFileTests
{
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_embedded_defaults_are_valid()
    {
        var (rules, errors) = RuleFile.Parse(RuleFile.EmbeddedText());

        Assert.Empty(errors);
        Assert.Equal(["hot-day", "cold-day", "wet-day", "sunny-and-trending-cold-treats"], rules.Select(r => r.Id));
    }

    [Fact]
    public void Every_error_names_the_rule_and_the_field()
    {
        const string json = """
            { "rules": [
              { "id": "hot-day", "when": { "temperatureC": { "min": 30, "max": 20 }, "conditions": ["sunny"] }, "favour": { "categories": [] }, "message": "Hot in {town}" },
              { "when": { "windSpeedMs": { "max": "strong" } }, "favour": { "products": ["p1"] }, "message": "ok" },
              { "id": "Bad Id", "when": {}, "favour": { "categories": ["soups"] } },
              { "id": "trend", "when": { "trending": { "categories": ["soups"], "minRatio": 0.5 } }, "favour": { "categories": ["soups"] }, "message": "ok" },
              { "id": "hot-day", "when": { "temperatureC": { "min": 20 } }, "favour": { "categories": ["salads"] }, "message": "ok" }
            ] }
            """;

        var (rules, errors) = RuleFile.Parse(json);

        Assert.Empty(rules);
        Assert.Equal(
        [
            "rule 'hot-day' (rules[0]): when.temperatureC min (30) is above max (20)",
            "rule 'hot-day' (rules[0]): when.conditions 'sunny' is not a weather condition; valid: clear, clouds, rain, drizzle, thunderstorm, snow, fog",
            "rule 'hot-day' (rules[0]): favour needs at least one category or product",
            "rule 'hot-day' (rules[0]): message unknown placeholder {town}; valid: {city}, {temperature}, {condition}, {wind}, {categories}, {products}",
            "rule #2 (rules[1]): id is required and must be a non-empty string",
            "rule #2 (rules[1]): when.windSpeedMs.max must be a number from 0 to 120",
            "rule #2 (rules[1]): when.windSpeedMs must be an object with min and/or max",
            "rule 'Bad Id' (rules[2]): id must be 1-64 lowercase letters, digits, '-' or '_'",
            "rule 'Bad Id' (rules[2]): when needs at least one of temperatureC, conditions, windSpeedMs, trending",
            "rule 'Bad Id' (rules[2]): message is required and must be a non-empty string",
            "rule 'trend' (rules[3]): when.trending.minRatio must be a number above 1",
            "rule 'hot-day' (rules[4]): id is used by an earlier rule",
        ], errors);
    }

    [Fact]
    public void A_file_that_is_not_a_rules_object_says_so()
    {
        Assert.StartsWith("not valid JSON", Assert.Single(RuleFile.Parse("{ rules: ").Errors), StringComparison.Ordinal);
        Assert.Equal(["the file must be an object with a \"rules\" array"], RuleFile.Parse("""{ "rule": [] }""").Errors);
    }

    [Fact]
    public void A_configured_rules_file_with_errors_fails_start_up_naming_the_setting()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rules-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "rules": [ { "id": "x", "when": { "conditions": ["rain"] }, "favour": { "categories": ["soups"] } } ] }""");
        try
        {
            var result = new PromotionOptionsValidator().Validate(null, new PromotionOptions { RulesPath = path, Weather = { StaticCondition = "sunny" } });

            Assert.Equal(
            [
                "Recommendations:RulesPath: rule 'x' (rules[0]): message is required and must be a non-empty string",
                "Recommendations:Weather:StaticTemperatureC and StaticCondition must be set together",
                "Recommendations:Weather:StaticCondition 'sunny' is not valid; valid: clear, clouds, rain, drizzle, thunderstorm, snow, fog",
            ], result.Failures);
        }
        finally
        {
            File.Delete(path);
        }
        Assert.True(new PromotionOptionsValidator().Validate(null, new PromotionOptions { Weather = { StaticCondition = "" } }).Succeeded);
    }

    [Fact]
    public void Rules_fire_on_weather_and_trends_and_say_why()
    {
        var rules = RuleFile.Parse(RuleFile.EmbeddedText()).Rules;
        var hot = new WeatherReading("request", "Berlin", 31m, "clear", 3.5m, Now);
        var trends = new Dictionary<string, (long, long)> { ["ice_cream"] = (6, 3), ["beverages"] = (5, 5) };

        var fired = RuleEvaluator.Evaluate(rules, hot, trends, 7);
        var coldAndWet = RuleEvaluator.Evaluate(rules, hot with { TemperatureC = 4m, Condition = "rain" }, trends, 7);
        var noWeather = RuleEvaluator.Evaluate(rules, null, trends, 7);

        Assert.Equal(["hot-day", "sunny-and-trending-cold-treats"], fired.Select(s => s.RuleId));
        Assert.Equal("31°C in Berlin: put cold drinks, ice cream and salads up front.", fired[0].Template);
        Assert.Equal(["temperature 31°C is at least 25°C"], fired[0].Because);
        Assert.Equal(
            ["temperature 31°C is at least 18°C", "condition is clear (rule: clear)", "ice_cream sold 6 units in the last 7 days against 3 before (x2, rule: at least x1.2)"],
            fired[1].Because);
        Assert.Equal(["cold-day", "wet-day"], coldAndWet.Select(s => s.RuleId));
        Assert.Equal("rain in Berlin: comfort food delivered, soups, hot drinks and ready meals.", coldAndWet[1].Template);
        Assert.Empty(noWeather);
    }

    [Fact]
    public async Task Weather_comes_from_the_request_then_the_provider_then_static_configuration()
    {
        var options = Options.Create(new PromotionOptions { Weather = { StaticTemperatureC = 12m, StaticCondition = "clouds" } });
        var failing = new WeatherResolver(options, new ManualTime(Now), new Unavailable());

        var fromRequest = await failing.ResolveAsync("Berlin", new RequestedWeather(30m, "clear", null), CancellationToken.None);
        var fallback = await failing.ResolveAsync("Berlin", new RequestedWeather(null, null, null), CancellationToken.None);
        var none = await new WeatherResolver(Options.Create(new PromotionOptions()), new ManualTime(Now)).ResolveAsync(null, new RequestedWeather(null, null, null), CancellationToken.None);

        Assert.Equal(("request", 30m, "clear"), (fromRequest.Reading!.Source, fromRequest.Reading.TemperatureC, fromRequest.Reading.Condition));
        Assert.Equal(("static", 12m, "clouds"), (fallback.Reading!.Source, fallback.Reading.TemperatureC, fallback.Reading.Condition));
        Assert.Equal("the weather service answered 500; using the configured static weather", fallback.Unavailable);
        Assert.Null(none.Reading);
        Assert.StartsWith("no weather: pass temperature and condition", none.Unavailable, StringComparison.Ordinal);
    }

    private sealed class Unavailable : IWeatherProvider
    {
        public Task<WeatherLookup> CurrentAsync(string city, CancellationToken cancellationToken) => Task.FromResult(WeatherLookup.None("the weather service answered 500"));
    }
}
