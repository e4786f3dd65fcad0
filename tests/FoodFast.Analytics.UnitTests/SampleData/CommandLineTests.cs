using FoodFast.Analytics.SampleData.Cli;

namespace FoodFast.Analytics.UnitTests.SampleData;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("--shops", "9", "--shops must be between 1 and 5 (got 9)")]
    [InlineData("--days", "0", "--days must be between 1 and 3650 (got 0)")]
    [InlineData("--event-days", "-1", "--event-days must be between 0 and 3650 (got -1)")]
    [InlineData("--batch-size", "0", "--batch-size must be between 1 and 1000000 (got 0)")]
    [InlineData("--concurrency", "65", "--concurrency must be between 1 and 64 (got 65)")]
    [InlineData("--rate", "0", "--rate must be greater than 0")]
    [InlineData("--url", "ftp://example.org", "--url must be an absolute http(s) URL (got 'ftp://example.org')")]
    [InlineData("--until", "2999-01-01T00:00:00Z", "--until must not be in the future")]
    public void Bad_values_are_refused_naming_the_option(string option, string value, string message)
    {
        var result = SampleDataCommand.Build().Parse([option, value]);

        Assert.Equal(message, Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void Defaults_are_three_shops_for_13_months_with_the_latest_month_of_events_into_the_local_service()
    {
        var result = SampleDataCommand.Build().Parse([]);

        var settings = SampleDataOptions.Settings(result);
        Assert.Empty(result.Errors);
        Assert.Equal((3, 395, 25, 60, 30, 42), (settings.Shops, settings.Days, settings.OrdersPerDay, settings.EventsPerOrder, settings.EventDays, settings.Seed));
        Assert.Equal("api", result.GetValue(SampleDataOptions.Target));
        Assert.Equal(new Uri("http://127.0.0.1:8080/"), result.GetValue(SampleDataOptions.Url));
        Assert.Equal((1000, 4), (result.GetValue(SampleDataOptions.BatchSize), result.GetValue(SampleDataOptions.Concurrency)));
        Assert.Equal(0, settings.Until.Second);
        Assert.True(settings.Until <= DateTimeOffset.UtcNow);
    }

    [Fact]
    public void The_api_key_comes_from_the_environment_first_then_the_local_key_file_above()
    {
        var root = Directory.CreateTempSubdirectory("ff-key-");
        try
        {
            Directory.CreateDirectory(Path.Combine(root.FullName, ".local"));
            File.WriteAllText(Path.Combine(root.FullName, ApiKeyLocator.KeyFile), "ff_admin_from_file\n");
            var nested = Directory.CreateDirectory(Path.Combine(root.FullName, "a", "b")).FullName;

            Assert.Equal("ff_admin_from_file", ApiKeyLocator.Find(_ => null, nested));
            Assert.Equal("ff_from_env", ApiKeyLocator.Find(name => name == "FOODFAST_API_KEY" ? "ff_from_env" : null, nested));
            Assert.Null(ApiKeyLocator.Find(_ => null, Path.GetTempPath()));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
