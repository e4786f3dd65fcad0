using System.Net;
using FoodFast.Analytics.Api.Security;
using FoodFast.Analytics.Api.Security.RateLimiting;
using FoodFast.Analytics.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FoodFast.Analytics.IntegrationTests.Security;

/// <summary>
/// The ingestion budget is its own bucket: exhausting it leaves the same key's query budget intact. The write
/// endpoints are not on this branch, so a stand-in endpoint uses the policy the way they will.
/// </summary>
public sealed class IngestionBudgetTests(IngestionBudgetTests.TinyIngestionBudget api) : IClassFixture<IngestionBudgetTests.TinyIngestionBudget>
{
    private const string StandIn = "/__test/ingest";

    public sealed class TinyIngestionBudget : ApiFactory
    {
        protected override void Configure(IDictionary<string, string?> settings)
        {
            settings["Security:RateLimits:Ingestion:TokenLimit"] = "2";
            settings["Security:RateLimits:Ingestion:TokensPerPeriod"] = "1";
            settings["Security:RateLimits:Ingestion:ReplenishmentPeriodSeconds"] = "30";
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, StandInWriteEndpoint>());
        }
    }

    /// <summary>Behind the application's pipeline (only reached when no real endpoint matched), with the same security order.</summary>
    private sealed class StandInWriteEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map(StandIn, branch =>
            {
                branch.UseRouting();
                branch.UseAuthentication();
                branch.UseAuthorization();
                branch.UseRateLimiter();
                branch.UseEndpoints(e => e.MapPost("/", () => TypedResults.Accepted((string?)null))
                    .RequireRole(Role.Ingest).RequireRateLimiting(RateLimitPolicies.Ingestion));
            });
        };
    }

    [Fact]
    public async Task Exhausted_ingestion_budget_does_not_touch_the_query_budget()
    {
        var ct = TestContext.Current.CancellationToken;
        using var ingest = await api.CreateClientAsync(Role.Ingest, "shop-writes");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await ingest.PostAsync(StandIn, null, ct)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        var refused = await ingest.PostAsync(StandIn, null, ct);
        await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 30);
        Assert.Equal(HttpStatusCode.OK, (await ingest.GetAsync("/api/v1/me", ct)).StatusCode);
    }
}
