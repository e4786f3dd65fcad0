using System.Net;
using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.Hosting;

/// <summary>The built service as its own process over real HTTP, the way scripts/start.sh runs it.</summary>
public sealed class ServiceProcessTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public async ValueTask InitializeAsync() => await _database.CreateAsync();

    public async ValueTask DisposeAsync() => await _database.DropAsync();

    private Dictionary<string, string> Environment() => new()
    {
        ["Postgres__ConnectionString"] = _database.ConnectionString,
        ["Redis__Configuration"] = TestServers.Redis,
        ["Redis__KeyPrefix"] = $"fftest:{_database.Name}:",
    };

    [Fact]
    public async Task Service_becomes_ready_answers_problems_and_stops_cleanly_on_sigterm()
    {
        await using var service = ServiceProcess.Start(Environment());
        await service.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        using var client = service.CreateClient();

        var ready = await (await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken)).ReadJsonAsync();
        var missing = await client.GetAsync(new Uri("/missing", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        var problem = await missing.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("GET /missing", problem.GetProperty("instance").GetString());
        Assert.Equal(0, await service.StopAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Second_instance_on_a_taken_port_fails_with_a_clear_message()
    {
        await using var first = ServiceProcess.Start(Environment());
        await first.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));

        await using var second = ServiceProcess.Start(Environment(), first.Port);
        var exitCode = await second.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        Assert.Contains($"cannot listen on http://127.0.0.1:{first.Port}: the port is already in use", second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", second.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Api__MaxRequestBodyBytes", "5", "Api:MaxRequestBodyBytes must be between 1024 and 1073741824")]
    [InlineData("Shops__TimeZones__shop-a", "Europe/Nowhere", "Shops:TimeZones:shop-a: 'Europe/Nowhere' is not an IANA time zone such as Europe/Berlin")]
    [InlineData("Shops__DefaultTimeZone", "W. Europe Standard Time", "Shops:DefaultTimeZone: 'W. Europe Standard Time' is a Windows time zone id; send an IANA time zone such as Europe/Berlin (here probably Europe/Berlin)")]
    public async Task Invalid_configuration_fails_at_start_up_naming_the_setting(string variable, string value, string message)
    {
        var environment = Environment();
        environment[variable] = value;

        await using var service = ServiceProcess.Start(environment);
        var exitCode = await service.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        Assert.Contains($"FoodFast Analytics did not start: invalid configuration: {message}", service.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", service.Output, StringComparison.Ordinal);
    }
}
