using System.Net;
using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.Hosting;

public sealed class HealthTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Ready_reports_every_dependency_healthy_with_latency()
    {
        var client = await api.CreateReadyClientAsync();

        var response = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.ReadJsonAsync();
        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        foreach (var name in new[] { "postgres", "redis", "analytics_store", "schema" })
        {
            var check = report.Check(name);
            Assert.Equal("Healthy", check.GetProperty("status").GetString());
            Assert.True(check.GetProperty("latencyMs").GetDouble() >= 0);
        }
        Assert.Equal("postgres", report.Check("analytics_store").GetProperty("data").GetProperty("backend").GetString());
    }

    [Fact]
    public async Task Live_answers_without_touching_dependencies()
    {
        var response = await api.CreateClient().GetAsync("/health/live", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (await response.ReadJsonAsync()).GetProperty("checks").GetArrayLength());
    }
}
