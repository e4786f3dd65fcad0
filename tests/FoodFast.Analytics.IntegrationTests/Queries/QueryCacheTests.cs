using System.Net;
using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.IntegrationTests.Contract;
using FoodFast.Analytics.IntegrationTests.Infrastructure;
using FoodFast.Analytics.Postgres.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FoodFast.Analytics.IntegrationTests.Queries;

/// <summary>The query cache against a real Redis of the test's own, which the test stops.</summary>
public sealed class QueryCacheTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Url = "/api/v1/analytics/sales/categories?shopId=shop-a&from=2026-10-23T22:00:00Z&to=2026-10-26T23:00:00Z&tz=Europe/Berlin";

    [Fact]
    public async Task Redis_stopped_mid_test_queries_still_answer_from_the_store_and_health_shows_redis_degraded()
    {
        await using var redis = new PrivateRedis();
        await redis.StartAsync();
        await using var api = new Configured(s => s["Redis:Configuration"] = redis.Configuration);
        await api.InitializeAsync();
        var client = await api.LoadedClientAsync();

        var miss = await client.GetAsync(Url, Ct);
        var hit = await client.GetAsync(Url, Ct);
        await redis.StopAsync();
        var withoutRedis = await client.GetAsync(Url, Ct);
        var health = await client.GetAsync("/health/ready", Ct);

        Assert.Equal("miss", miss.Headers.GetValues("X-Cache").Single());
        Assert.Equal("hit", hit.Headers.GetValues("X-Cache").Single());
        Assert.Equal(HttpStatusCode.OK, withoutRedis.StatusCode);
        Assert.Equal("miss", withoutRedis.Headers.GetValues("X-Cache").Single());
        var rows = (await withoutRedis.ReadJsonAsync()).GetProperty("rows");
        Assert.Equal((await miss.ReadJsonAsync()).GetProperty("rows").GetRawText(), rows.GetRawText());
        Assert.Equal("Degraded", (await health.ReadJsonAsync()).Check("redis").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Identical_concurrent_misses_share_one_store_call()
    {
        var counter = new CountingQueries();
        await using var api = new Configured(_ => { }, counter);
        await api.InitializeAsync();
        var client = await api.LoadedClientAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => client.GetAsync(Url, Ct)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, counter.Calls);
    }

    /// <summary>Counts the store's aggregate calls, and holds each a moment so concurrent requests overlap.</summary>
    private sealed class CountingQueries
    {
        private int _calls;

        public int Calls => _calls;

        public IAnalyticsStore Wrap(IAnalyticsStore inner) => new Store(inner, this);

        private sealed class Store(IAnalyticsStore inner, CountingQueries counter) : IAnalyticsStore, IAnalyticsQueries
        {
            public string Backend => inner.Backend;
            public IAnalyticsSink Sink => inner.Sink;
            public IAnalyticsQueries Queries => this;
            public Core.Queries.Families.IQueryFamilies Families => inner.Families;
            public IExportSource Exports => inner.Exports;
            public Core.Recommendations.IRecommendationSource Recommendations => inner.Recommendations;
            public Task EnsureReadyAsync(CancellationToken cancellationToken) => inner.EnsureReadyAsync(cancellationToken);
            public Task<HealthCheckResult> CheckAsync(CancellationToken cancellationToken) => inner.CheckAsync(cancellationToken);

            public async Task<AggregateTable> AggregateAsync(ValidatedQuery query, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref counter._calls);
                await Task.Delay(300, cancellationToken);
                return await inner.Queries.AggregateAsync(query, cancellationToken);
            }
        }
    }

    private sealed class Configured(Action<IDictionary<string, string?>> configure, CountingQueries? counter = null) : ApiFactory
    {
        private bool _loaded;

        protected override void Configure(IDictionary<string, string?> settings) => configure(settings);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            if (counter is not null)
            {
                builder.ConfigureTestServices(services =>
                    services.AddSingleton(sp => counter.Wrap(sp.GetRequiredService<PostgresAnalyticsStore>())));
            }
        }

        public async Task<HttpClient> LoadedClientAsync()
        {
            var client = await CreateAdminClientAsync();
            if (!_loaded)
            {
                await ContractData.LoadAsync(Services.GetRequiredService<IAnalyticsStore>().Sink);
                _loaded = true;
            }
            return client;
        }
    }
}
