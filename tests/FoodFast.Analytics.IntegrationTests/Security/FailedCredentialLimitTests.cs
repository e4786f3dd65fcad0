using System.Net;
using FoodFast.Analytics.Api.Security;
using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.Security;

/// <summary>Three refused credentials a minute per client IP, to see the limit bite without touching working keys.</summary>
public sealed class FailedCredentialLimitTests(FailedCredentialLimitTests.ThreeFailures api) : IClassFixture<FailedCredentialLimitTests.ThreeFailures>
{
    public sealed class ThreeFailures : ApiFactory
    {
        protected override void Configure(IDictionary<string, string?> settings)
        {
            settings["Security:FailedCredentials:MaxFailures"] = "3";
            settings["Security:FailedCredentials:WindowSeconds"] = "60";
        }
    }

    [Fact]
    public async Task After_three_refused_keys_an_address_gets_429_for_unproven_keys_while_keys_that_worked_still_pass()
    {
        var ct = TestContext.Current.CancellationToken;
        using var working = await api.CreateClientAsync(Role.Analyst, "shop-a");
        Assert.Equal(HttpStatusCode.OK, (await working.GetAsync("/api/v1/me", ct)).StatusCode);
        var unproven = (await api.CreateKeyAsync(Role.Analyst, "shop-a")).Key;
        using var guesser = await api.CreateReadyClientAsync();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var guess = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
            guess.Headers.Add("X-Api-Key", $"ffk_guess{i}000000000000000000000000000000000");
            using var answer = await guesser.SendAsync(guess, ct);
            statuses.Add(answer.StatusCode);
            if (i == 3)
            {
                var problem = await answer.AssertProblemAsync(HttpStatusCode.TooManyRequests);
                var retryAfter = int.Parse(answer.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
                Assert.InRange(retryAfter, 1, 60);
                Assert.Equal($"Too many refused credentials came from this address; retry after {retryAfter} s.", problem.GetProperty("detail").GetString());
            }
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        // A key that already worked from this address is unaffected; a valid key never seen here waits like a guess,
        // so the 429 tells a guesser nothing about whether a guess was right.
        Assert.Equal(HttpStatusCode.OK, (await working.GetAsync("/api/v1/me", ct)).StatusCode);
        using var fresh = ApiFactory.WithKey(await api.CreateReadyClientAsync(), unproven);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await fresh.GetAsync("/api/v1/me", ct)).StatusCode);
        // Requests without any credential are not credential attempts: they still get 401, not 429.
        Assert.Equal(HttpStatusCode.Unauthorized, (await guesser.GetAsync("/api/v1/me", ct)).StatusCode);
    }
}
