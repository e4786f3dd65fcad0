using System.Diagnostics;
using System.Net;
using FoodFast.Analytics.Api.Security;
using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.Realtime;

/// <summary>The API with Redis unreachable: ingestion still answers 202 at once; the counters say 503, naming Redis.</summary>
public sealed class RedisDownTests(RedisDownTests.Factory api) : IClassFixture<RedisDownTests.Factory>
{
    public sealed class Factory : ApiFactory
    {
        protected override void Configure(IDictionary<string, string?> settings) =>
            settings["Redis:Configuration"] = $"127.0.0.1:{TestServers.ClosedPort}";
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ingestion_still_accepts_quickly_and_the_counters_answer_503()
    {
        using var ingest = await api.CreateClientAsync(Role.Ingest, "down-shop");
        using var analyst = await api.CreateClientAsync(Role.Analyst, "down-shop");
        // The first request warms up the pipeline; the later ones must not wait on Redis (a loose bound: the
        // machine running the tests is shared, and a per-request Redis wait would still stand out at 2 s each).
        for (var i = 0; i < 4; i++)
        {
            var timer = Stopwatch.StartNew();
            using var response = await ingest.PostAsync("/api/v1/orders", Sample.Json(LiveOrders.At("down-shop", $"d-{i}", DateTimeOffset.UtcNow)), Ct);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            Assert.True(i == 0 || timer.Elapsed < TimeSpan.FromSeconds(1.5), $"ingestion took {timer.ElapsedMilliseconds} ms with Redis down");
        }
        using var figures = await analyst.GetAsync("/api/v1/analytics/realtime", Ct);
        var problem = await figures.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("Redis", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
