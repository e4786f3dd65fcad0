using System.Net;
using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.Hosting;

/// <summary>Readiness with a dependency pointed at a closed port: 503, and the report names the culprit.</summary>
public sealed class UnreachableDependencyTests
{
    [Fact]
    public async Task Redis_unreachable_is_503_with_redis_degraded_and_the_rest_healthy()
    {
        await using var api = new DependencyAt("Redis:Configuration", $"127.0.0.1:{TestServers.ClosedPort}");
        await api.InitializeAsync();
        var client = await api.CreateReadyClientAsync();

        var response = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var report = await response.ReadJsonAsync();
        Assert.Equal("Degraded", report.GetProperty("status").GetString());
        var redis = report.Check("redis");
        Assert.Equal("Degraded", redis.GetProperty("status").GetString());
        Assert.StartsWith($"redis 127.0.0.1:{TestServers.ClosedPort} unreachable", redis.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("Healthy", report.Check("postgres").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Postgres_unreachable_is_503_unhealthy_naming_postgres()
    {
        await using var api = new DependencyAt("Postgres:ConnectionString", $"Host=127.0.0.1;Port={TestServers.ClosedPort};Username=postgres;Database=none;Timeout=2");
        await api.InitializeAsync();

        var response = await api.CreateClient().GetAsync("/health/ready", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var report = await response.ReadJsonAsync();
        Assert.Equal("Unhealthy", report.GetProperty("status").GetString());
        var postgres = report.Check("postgres");
        Assert.Equal("Unhealthy", postgres.GetProperty("status").GetString());
        Assert.StartsWith($"service database 127.0.0.1:{TestServers.ClosedPort}/none unreachable", postgres.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("Unhealthy", report.Check("analytics_store").GetProperty("status").GetString());
        Assert.Equal("Healthy", report.Check("redis").GetProperty("status").GetString());
    }

    private sealed class DependencyAt(string key, string value) : ApiFactory
    {
        protected override void Configure(IDictionary<string, string?> settings) => settings[key] = value;
    }
}
