using System.Net;
using FoodFast.Analytics.Api.Security;
using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.Security;

/// <summary>The queries budget shrunk to 3 requests, refilled 3 every 2 s, to see it bite and recover.</summary>
public sealed class RateLimitTests(RateLimitTests.TinyBudget api) : IClassFixture<RateLimitTests.TinyBudget>
{
    public sealed class TinyBudget : ApiFactory
    {
        protected override void Configure(IDictionary<string, string?> settings)
        {
            settings["Security:RateLimits:Queries:TokenLimit"] = "3";
            settings["Security:RateLimits:Queries:TokensPerPeriod"] = "3";
            settings["Security:RateLimits:Queries:ReplenishmentPeriodSeconds"] = "2";
        }
    }

    [Fact]
    public async Task Exhausted_key_gets_429_with_retry_after_then_recovers_while_other_keys_are_unaffected()
    {
        var ct = TestContext.Current.CancellationToken;
        using var busy = await api.CreateClientAsync(Role.Analyst, "shop-busy");
        using var calm = await api.CreateClientAsync(Role.Analyst, "shop-calm");

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last;
        do
        {
            last = await busy.GetAsync("/api/v1/me", ct);
            statuses.Add(last.StatusCode);
        }
        while (last.StatusCode == HttpStatusCode.OK && statuses.Count < 10);

        // A refill may land during the burst, so 3 to 6 requests pass before the first refusal.
        Assert.InRange(statuses.Count(s => s == HttpStatusCode.OK), 3, 6);
        var problem = await last.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        var retryAfter = int.Parse(last.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 2);
        Assert.Equal($"This credential has used its request budget; retry after {retryAfter} s.", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await calm.GetAsync("/api/v1/me", ct)).StatusCode);

        await Task.Delay(TimeSpan.FromSeconds(retryAfter) + TimeSpan.FromMilliseconds(200), ct);

        Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/api/v1/me", ct)).StatusCode);
    }

    [Fact]
    public async Task A_refusal_keeps_429_its_retry_after_and_a_problem_type_whatever_the_client_accepts()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = await api.CreateClientAsync(Role.Analyst, "shop-csv");
        client.DefaultRequestHeaders.Accept.ParseAdd("text/csv");

        HttpResponseMessage last;
        var sent = 0;
        do
        {
            last = await client.GetAsync("/api/v1/me", ct);
        }
        while (last.StatusCode == HttpStatusCode.OK && ++sent < 10);

        var problem = await last.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Single(last.Headers.GetValues("Retry-After"));
        Assert.Equal("https://tools.ietf.org/html/rfc6585#section-4", problem.GetProperty("type").GetString());
    }
}
