using System.Net;
using FoodFast.Analytics.Api.Security;
using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.BadInput;

/// <summary>
/// Issue 21 (C): the service's own Postgres stopped under a running API. Once the key cache has expired, the key lookup
/// inside authentication fails too: every endpoint answers 503 with Retry-After, naming postgres, never 500.
/// </summary>
public sealed class DependencyOutageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_postgres_outage_is_a_503_naming_postgres_from_queries_ingestion_and_authentication()
    {
        await using var postgres = new PrivatePostgres();
        await postgres.StartAsync();
        await using var api = new AllOn(postgres.ConnectionString);
        await api.InitializeAsync();
        using var analyst = await api.CreateClientAsync(Role.Analyst, "shop-a");
        using var ingest = await api.CreateClientAsync(Role.Ingest, "shop-a");
        var query = "/api/v1/analytics/sales/revenue?shopId=shop-a&days=7";
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync(query, Ct)).StatusCode);

        await postgres.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(1.5), Ct);
        var answers = new[]
        {
            await analyst.GetAsync(query, Ct),
            await ingest.PostAsync("/api/v1/events", Sample.Json(Sample.Event("shop-a")), Ct),
            await analyst.GetAsync("/api/v1/reports", Ct),
        };

        foreach (var response in answers)
        {
            var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Equal("postgres", problem.GetProperty("dependency").GetString());
            Assert.Equal("5", response.Headers.GetValues("Retry-After").Single());
        }
        await postgres.StartAsync();
    }

    /// <summary>The service database and the analytics store on one private server, keys cached for a second only.</summary>
    private sealed class AllOn(string connectionString) : ApiFactory
    {
        protected override void Configure(IDictionary<string, string?> settings)
        {
            settings["Postgres:ConnectionString"] = connectionString;
            settings["Storage:Postgres:ConnectionString"] = connectionString;
            settings["Security:KeyCacheSeconds"] = "1";
        }
    }
}
