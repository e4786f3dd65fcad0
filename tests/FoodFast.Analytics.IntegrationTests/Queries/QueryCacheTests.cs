using System.Net;
using FoodFast.Analytics.Core.Caching;
using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.IntegrationTests.Contract;
using FoodFast.Analytics.IntegrationTests.Infrastructure;
using FoodFast.Analytics.Postgres.Storage;
using FoodFast.Analytics.Redis.Caching;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace FoodFast.Analytics.IntegrationTests.Queries;

/// <summary>The query cache against a real Redis of the test's own, which the test stops.</summary>
public sealed class QueryCacheTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Url = "/api/v1/analytics/sales/categories?shopId=shop-a&from=2026-10-23T22:00:00Z&to=2026-10-26T23:00:00Z&tz=Europe/Berlin";

    /// <summary>Another question with the same answer: the contract data has no order of shop-a in the added day.</summary>
    private const string WiderUrl = "/api/v1/analytics/sales/categories?shopId=shop-a&from=2026-10-22T22:00:00Z&to=2026-10-26T23:00:00Z&tz=Europe/Berlin";

    [Fact]
    public async Task Redis_stopped_mid_test_queries_still_answer_from_the_store_and_health_shows_redis_degraded()
    {
        await using var redis = new PrivateRedis();
        await redis.StartAsync();
        await using var api = new Configured(s => (s["Redis:Configuration"], s["Cache:NearTtlSeconds"]) = (redis.Configuration, "600"));
        await api.InitializeAsync();
        var client = await api.LoadedClientAsync();

        var miss = await client.GetAsync(Url, Ct);
        var hit = await client.GetAsync(Url, Ct);
        await redis.StopAsync();
        var remembered = await client.GetAsync(Url, Ct);
        var withoutRedis = await client.GetAsync(WiderUrl, Ct);
        var health = await client.GetAsync("/health/ready", Ct);

        Assert.Equal("miss", miss.Headers.GetValues("X-Cache").Single());
        Assert.Equal("hit", hit.Headers.GetValues("X-Cache").Single());
        // The question asked before the outage is still answered from this instance's memory; a new one from the store.
        Assert.Equal("hit", remembered.Headers.GetValues("X-Cache").Single());
        Assert.Equal(HttpStatusCode.OK, withoutRedis.StatusCode);
        Assert.Equal("miss", withoutRedis.Headers.GetValues("X-Cache").Single());
        var rows = (await miss.ReadJsonAsync()).GetProperty("rows").GetRawText();
        Assert.Equal(rows, (await remembered.ReadJsonAsync()).GetProperty("rows").GetRawText());
        Assert.Equal(rows, (await withoutRedis.ReadJsonAsync()).GetProperty("rows").GetRawText());
        Assert.Equal("Degraded", (await health.ReadJsonAsync()).Check("redis").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_purge_on_one_instance_reaches_the_near_cache_of_another()
    {
        await using var first = new Configured(s => s["Cache:NearTtlSeconds"] = "600");
        await first.InitializeAsync();
        var here = await first.LoadedClientAsync();
        await using var second = new SecondInstance(first, s => s["Cache:NearTtlSeconds"] = "600");
        using var there = ApiFactory.WithKey(await second.CreateReadyClientAsync(), first.AdminKey);
        Assert.Equal("miss", (await here.GetAsync(Url, Ct)).Headers.GetValues("X-Cache").Single());
        Assert.Equal("hit", (await there.GetAsync(Url, Ct)).Headers.GetValues("X-Cache").Single()); // from Redis, now remembered there

        // With the Redis entry gone behind its back, the second instance still answers from its memory...
        using (var redis = await ConnectionMultiplexer.ConnectAsync(TestServers.Redis))
        {
            var keys = redis.GetServer(TestServers.Redis).Keys(pattern: $"{first.RedisPrefix}q:*").ToArray();
            Assert.NotEmpty(keys);
            await redis.GetDatabase().KeyDeleteAsync(keys);
        }
        Assert.Equal("hit", (await there.GetAsync(Url, Ct)).Headers.GetValues("X-Cache").Single());
        await second.Services.GetServices<IHostedService>().OfType<NearCachePurgeListener>().Single().Subscribed.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        // ...until a purge on the first (an erasure) is heard there: far sooner than the 600 s its memory would keep it.
        Assert.Equal(HttpStatusCode.OK, (await here.DeleteAsync("/api/v1/admin/customers/c-nobody?shopId=shop-a", Ct)).StatusCode);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        string? cache;
        while ((cache = (await there.GetAsync(Url, Ct)).Headers.GetValues("X-Cache").Single()) == "hit" && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50, Ct);
        }
        Assert.Equal("miss", cache);
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

    [Fact]
    public async Task A_dashboard_hit_reads_its_five_results_in_one_redis_round_trip_and_sends_them_as_computed()
    {
        await using var redis = new PrivateRedis();
        await redis.StartAsync();
        var cache = new CountingCache();
        await using var api = new Configured(s => s["Redis:Configuration"] = redis.Configuration, cache: cache);
        await api.InitializeAsync();
        var client = await api.LoadedClientAsync();
        const string dashboard = "/api/v1/analytics/dashboard?shopId=shop-a&from=2026-10-23T22:00:00Z&to=2026-10-26T23:00:00Z&tz=Europe/Berlin";

        var miss = await client.GetAsync(dashboard, Ct);
        var (readsBefore, writesBefore) = (cache.Reads.Count, cache.Writes);
        var hit = await client.GetAsync(dashboard, Ct);

        Assert.Equal("miss", miss.Headers.GetValues("X-Cache").Single());
        Assert.Equal("hit", hit.Headers.GetValues("X-Cache").Single());
        Assert.Equal([5], cache.Reads.Skip(readsBefore).ToArray());
        Assert.Equal(5, writesBefore);
        Assert.Equal(5, cache.Writes);
        Assert.Equal("application/json; charset=utf-8", hit.Content.Headers.ContentType!.ToString());
        var (computed, served) = (await miss.ReadJsonAsync(), await hit.ReadJsonAsync());
        foreach (var part in new[] { "kpis", "conversion", "revenueTrend", "topProducts", "ordersByStatus" })
        {
            Assert.Equal(computed.GetProperty(part).GetProperty("rows").GetRawText(), served.GetProperty(part).GetProperty("rows").GetRawText());
            Assert.False(computed.GetProperty(part).GetProperty("meta").GetProperty("cached").GetBoolean());
            Assert.True(served.GetProperty(part).GetProperty("meta").GetProperty("cached").GetBoolean());
            Assert.Equal(computed.GetProperty(part).GetProperty("meta").GetProperty("computedAt").GetString(),
                served.GetProperty(part).GetProperty("meta").GetProperty("computedAt").GetString());
        }
        // Contract data: shop-a has three EUR orders of c1 and c2 (24.59, aov 8.20) and one GBP order of c3 (15) in the window, none before.
        Assert.Equal("[[\"EUR\",24.59,0,null,3,0,null,8.20,null,null,2,0,null],[\"GBP\",15.00,0,null,1,0,null,15.00,null,null,1,0,null]]",
            served.GetProperty("kpis").GetProperty("rows").GetRawText());
    }

    /// <summary>The Redis cache, with how many keys each read asked for and how many entries were written.</summary>
    private sealed class CountingCache
    {
        public List<int> Reads { get; } = [];

        public int Writes;

        public IQueryCache Wrap(IQueryCache inner) => new Cache(inner, this);

        private sealed class Cache(IQueryCache inner, CountingCache counter) : IQueryCache
        {
            public Task<IReadOnlyList<byte[]?>> GetManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
            {
                lock (counter.Reads)
                {
                    counter.Reads.Add(keys.Count);
                }
                return inner.GetManyAsync(keys, cancellationToken);
            }

            public Task SetAsync(string key, byte[] value, TimeSpan timeToLive, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref counter.Writes);
                return inner.SetAsync(key, value, timeToLive, cancellationToken);
            }

            public Task PurgeShopAsync(string shopId, CancellationToken cancellationToken) => inner.PurgeShopAsync(shopId, cancellationToken);
        }
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
            public Core.Erasure.ICustomerErasure Erasure => inner.Erasure;
            public Core.Retention.IAnalyticsRetention Retention => inner.Retention;
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

    private sealed class Configured(Action<IDictionary<string, string?>> configure, CountingQueries? counter = null, CountingCache? cache = null) : ApiFactory
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
            if (cache is not null)
            {
                builder.ConfigureTestServices(services => services.AddSingleton(sp => cache.Wrap(sp.GetRequiredService<RedisQueryCache>())));
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
