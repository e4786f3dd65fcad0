using System.Net;
using System.Net.Http.Json;
using FoodFast.Analytics.Api.Security;
using FoodFast.Analytics.IntegrationTests.Contract;
using FoodFast.Analytics.IntegrationTests.Infrastructure;
using FoodFast.Analytics.IntegrationTests.Queries;

namespace FoodFast.Analytics.IntegrationTests.Observability;

/// <summary><c>GET /metrics</c> scraped over HTTP around real traffic: names, types and exact counter deltas.</summary>
public sealed class MetricsEndpointTests(QueryApiFactory api) : IClassFixture<QueryApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ingestion_counts_accepted_and_rejected_items_by_kind_and_the_request_by_route_template()
    {
        using var admin = await api.CreateAdminClientAsync();
        using var ingest = await api.CreateClientAsync(Role.Ingest, "metrics-shop");
        var before = await Scrape.TakeAsync(admin);

        var orders = new[] { Sample.Order("metrics-shop", "m-1"), Sample.Order("metrics-shop", "m-2"), Sample.Order("metrics-shop", "m-3") };
        Assert.Equal(HttpStatusCode.Accepted, (await ingest.PostAsync("/api/v1/orders/batch?wait=true", Sample.Json(orders), Ct)).StatusCode);
        var events = new object[] { Sample.Event("metrics-shop"), new { shopId = "metrics-shop" }, new { eventId = "not-a-uuid" } };
        Assert.Equal(HttpStatusCode.Accepted, (await ingest.PostAsync("/api/v1/events/batch", Sample.Json(events), Ct)).StatusCode);
        var after = await Scrape.TakeAsync(admin);

        Assert.Equal("counter", after.TypeOf("foodfast_ingest_items_total"));
        Assert.Equal(3, Delta(before, after, "foodfast_ingest_items_total{kind=\"orders\",outcome=\"accepted\"}"));
        Assert.Equal(0, Delta(before, after, "foodfast_ingest_items_total{kind=\"orders\",outcome=\"rejected\"}"));
        Assert.Equal(1, Delta(before, after, "foodfast_ingest_items_total{kind=\"events\",outcome=\"accepted\"}"));
        Assert.Equal(2, Delta(before, after, "foodfast_ingest_items_total{kind=\"events\",outcome=\"rejected\"}"));
        const string batch = "method=\"POST\",route=\"/api/v1/orders/batch\",status=\"202\"";
        Assert.Equal(1, Delta(before, after, $"foodfast_http_server_requests_total{{{batch}}}"));
        Assert.Equal("histogram", after.TypeOf("foodfast_http_server_request_duration_seconds"));
        Assert.Equal(1, Delta(before, after, $"foodfast_http_server_request_duration_seconds_count{{{batch}}}"));
        Assert.Equal(after.Value($"foodfast_http_server_request_duration_seconds_count{{{batch}}}"),
            after.Value($"foodfast_http_server_request_duration_seconds_bucket{{{batch},le=\"+Inf\"}}"));
        // Postgres in the service database: written through to the store at the 202, not moved by the indexer.
        Assert.Equal(3, Delta(before, after, "foodfast_ingest_items_total{kind=\"orders\",outcome=\"stored\"}"));
        Assert.Equal(1, Delta(before, after, "foodfast_ingest_items_total{kind=\"events\",outcome=\"stored\"}"));
        Assert.Equal("gauge", after.TypeOf("foodfast_ingest_log_depth"));
        Assert.Equal("gauge", after.TypeOf("foodfast_ingest_log_oldest_age_seconds"));
        Assert.Contains(after.Lines, l => l.StartsWith("foodfast_ingest_log_depth ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Items_moved_by_the_indexer_are_counted_with_its_batch_sizes()
    {
        await using var logged = new Ingestion.LoggedIngestionApiFactory();
        await logged.InitializeAsync();
        using var admin = await logged.CreateAdminClientAsync();
        var before = await Scrape.TakeAsync(admin);

        var orders = new[] { Sample.Order("metrics-shop", "i-1"), Sample.Order("metrics-shop", "i-2"), Sample.Order("metrics-shop", "i-3") };
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync("/api/v1/orders/batch?wait=true", Sample.Json(orders), Ct)).StatusCode);
        var after = await Scrape.TakeAsync(admin);

        // ?wait=true returned once the orders were in the store: the indexer has settled them.
        Assert.Equal("histogram", after.TypeOf("foodfast_indexer_batch_size"));
        Assert.Equal(3, Delta(before, after, "foodfast_indexer_items_total{outcome=\"indexed\"}"));
        Assert.Equal(0, Delta(before, after, "foodfast_ingest_items_total{kind=\"orders\",outcome=\"stored\"}"));
    }

    [Fact]
    public async Task A_repeated_query_is_one_cache_miss_timed_in_the_store_then_one_hit()
    {
        using var admin = await api.LoadedClientAsync();
        using var analyst = await api.CreateClientAsync(Role.Analyst, "shop-a");
        var query = new
        {
            dataset = "orders", metrics = new[] { "revenue", "order_count" }, from = ContractData.From, to = ContractData.To,
            timeZone = "Europe/Berlin", bucket = "day", filters = new[] { new { dimension = "currency", values = new[] { "EUR" } } }, shopId = "shop-a",
        };
        var before = await Scrape.TakeAsync(admin);

        var miss = await analyst.PostAsJsonAsync("/api/v1/analytics/query", query, Ct);
        var middle = await Scrape.TakeAsync(admin);
        var hit = await analyst.PostAsJsonAsync("/api/v1/analytics/query", query, Ct);
        var after = await Scrape.TakeAsync(admin);

        Assert.Equal(("miss", "hit"), (miss.Headers.GetValues("X-Cache").Single(), hit.Headers.GetValues("X-Cache").Single()));
        Assert.Equal((1, 0), (Delta(before, middle, "foodfast_cache_misses_total"), Delta(before, middle, "foodfast_cache_hits_total")));
        Assert.Equal((0, 1), (Delta(middle, after, "foodfast_cache_misses_total"), Delta(middle, after, "foodfast_cache_hits_total")));
        const string aggregate = "foodfast_store_query_duration_seconds_count{family=\"aggregate\",outcome=\"ok\"}";
        Assert.Equal((1, 0), (Delta(before, middle, aggregate), Delta(middle, after, aggregate)));
        Assert.Equal(2, Delta(before, after, "foodfast_http_server_requests_total{method=\"POST\",route=\"/api/v1/analytics/query\",status=\"200\"}"));
    }

    [Fact]
    public async Task Labels_hold_route_templates_never_raw_paths_or_ids()
    {
        using var admin = await api.CreateAdminClientAsync();
        var id = Guid.NewGuid();
        var before = await Scrape.TakeAsync(admin);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/reports/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/no/such/path-7f3a9", Ct)).StatusCode);
        var after = await Scrape.TakeAsync(admin);

        Assert.Equal(1, Delta(before, after, "foodfast_http_server_requests_total{method=\"GET\",route=\"/api/v1/reports/{id:guid}\",status=\"404\"}"));
        Assert.True(Delta(before, after, "foodfast_http_server_requests_total{method=\"GET\",route=\"unmatched\",status=\"404\"}") >= 1);
        Assert.DoesNotContain(id.ToString(), after.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("path-7f3a9", after.Text, StringComparison.Ordinal);
        Assert.True(Delta(before, after, "foodfast_http_server_requests_total{method=\"GET\",route=\"/metrics\",status=\"200\"}") >= 1);
    }

    [Fact]
    public async Task Refused_credentials_are_counted_and_metrics_need_an_admin_by_default()
    {
        using var admin = await api.CreateAdminClientAsync();
        using var analyst = await api.CreateClientAsync(Role.Analyst, "shop-a");
        using var anonymous = await api.CreateReadyClientAsync();
        using var wrongKey = ApiFactory.WithKey(await api.CreateReadyClientAsync(), "ffk_no-such-key-0000000000000000");
        var before = await Scrape.TakeAsync(admin);

        await (await anonymous.GetAsync("/metrics", Ct)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await analyst.GetAsync("/metrics", Ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await wrongKey.GetAsync("/api/v1/me", Ct)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        var after = await Scrape.TakeAsync(admin);

        Assert.Equal(1, Delta(before, after, "foodfast_auth_failures_total"));
        Assert.Equal(1, Delta(before, after, "foodfast_http_server_requests_total{method=\"GET\",route=\"/metrics\",status=\"401\"}"));
        Assert.Equal(1, Delta(before, after, "foodfast_http_server_requests_total{method=\"GET\",route=\"/metrics\",status=\"403\"}"));
    }

    private static double Delta(Scrape before, Scrape after, string series) => after.Value(series) - before.Value(series);
}

/// <summary><c>Observability:PublicMetrics=true</c>: a scraper on the monitoring network needs no key.</summary>
public sealed class PublicMetricsTests(PublicMetricsTests.Public api) : IClassFixture<PublicMetricsTests.Public>
{
    public sealed class Public : ApiFactory
    {
        protected override void Configure(IDictionary<string, string?> settings) => settings["Observability:PublicMetrics"] = "true";
    }

    [Fact]
    public async Task Anyone_may_scrape()
    {
        using var anonymous = await api.CreateReadyClientAsync();

        var scrape = await Scrape.TakeAsync(anonymous);

        Assert.Equal("gauge", scrape.TypeOf("foodfast_live_connections"));
        Assert.Contains("foodfast_live_connections 0", scrape.Lines);
    }
}
