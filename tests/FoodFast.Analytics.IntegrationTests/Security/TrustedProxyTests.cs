using System.Net;
using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.Security;

/// <summary>
/// The service as its own process behind a "proxy" at 127.0.0.1 (the test's own address), two refused credentials
/// a minute per client: whose address counts depends on whether that proxy is trusted.
/// </summary>
public sealed class TrustedProxyTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly TestDatabase _database = new();

    public async ValueTask InitializeAsync() => await _database.CreateAsync();

    public async ValueTask DisposeAsync() => await _database.DropAsync();

    private async Task<ServiceProcess> StartAsync(string trustedProxies)
    {
        var service = ServiceProcess.Start(new Dictionary<string, string>
        {
            ["Postgres__ConnectionString"] = _database.ConnectionString,
            ["Redis__Configuration"] = TestServers.Redis,
            ["Redis__KeyPrefix"] = $"fftest:{_database.Name}:",
            ["Security__FailedCredentials__MaxFailures"] = "2",
            ["Security__TrustedProxies"] = trustedProxies,
        });
        await service.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        return service;
    }

    private static async Task<HttpStatusCode> GuessAsync(HttpClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.Add("X-Api-Key", $"ffk_guess{Guid.NewGuid():N}");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request, Ct);
        return response.StatusCode;
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_refused_credentials_count_against_the_forwarded_client()
    {
        await using var service = await StartAsync("10.9.0.0/16, 127.0.0.1");
        using var client = service.CreateClient();

        HttpStatusCode[] first = [await GuessAsync(client, "203.0.113.5"), await GuessAsync(client, "203.0.113.5"), await GuessAsync(client, "203.0.113.5")];
        var other = await GuessAsync(client, "203.0.113.6");
        var throughTwoProxies = await GuessAsync(client, "203.0.113.5, 10.9.0.7");

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], first);
        Assert.Equal(HttpStatusCode.Unauthorized, other);
        Assert.Equal(HttpStatusCode.TooManyRequests, throughTwoProxies); // the inner proxy is trusted too, so the client is still 203.0.113.5
    }

    [Fact]
    public async Task Without_trusted_proxies_a_forwarded_header_is_ignored()
    {
        await using var service = await StartAsync("");
        using var client = service.CreateClient();

        HttpStatusCode[] statuses = [await GuessAsync(client, "203.0.113.5"), await GuessAsync(client, "203.0.113.6"), await GuessAsync(client, "203.0.113.7")];

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task An_entry_that_is_no_address_stops_the_start_naming_it()
    {
        var service = ServiceProcess.Start(new Dictionary<string, string>
        {
            ["Postgres__ConnectionString"] = _database.ConnectionString,
            ["Security__TrustedProxies"] = "10.0.0.1, proxy.internal",
        });
        await using var _ = service;

        Assert.Equal(1, await service.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("Security:TrustedProxies: 'proxy.internal' is not an IP address or CIDR range", service.Output, StringComparison.Ordinal);
    }
}
