using System.Net;
using System.Net.Http.Json;
using FoodFast.Analytics.IntegrationTests.Contract;
using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.Queries;

/// <summary>The query endpoints over HTTP on the contract data: shapes, validation, and the cache headers.</summary>
public sealed class QueryEndpointTests(QueryApiFactory api) : IClassFixture<QueryApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Window = "from=2026-10-23T22:00:00Z&to=2026-10-26T23:00:00Z&tz=Europe/Berlin";

    private static string[] Rows(System.Text.Json.JsonElement result) =>
        result.GetProperty("rows").EnumerateArray().Select(r => string.Join('|', r.EnumerateArray().Select(c => c.ToString()))).ToArray();

    [Fact]
    public async Task The_generic_query_answers_a_typed_table_with_metadata()
    {
        var client = await api.LoadedClientAsync();

        var response = await client.PostAsJsonAsync("/api/v1/analytics/query", new
        {
            dataset = "orders", metrics = new[] { "revenue", "order_count" }, from = ContractData.From, to = ContractData.To,
            timeZone = "Europe/Berlin", bucket = "day", filters = new[] { new { dimension = "currency", values = new[] { "EUR" } } }, shopId = "shop-a",
        }, Ct);

        var body = await response.ReadJsonAsync();
        Assert.Equal(["2026-10-24|11.63|1", "2026-10-25|6.96|1", "2026-10-26|6.00|1"], Rows(body));
        Assert.Equal("day", body.GetProperty("columns")[0].GetProperty("type").GetString());
        var meta = body.GetProperty("meta");
        Assert.Equal("postgres", meta.GetProperty("backend").GetString());
        Assert.False(meta.GetProperty("approximate").GetBoolean());
        Assert.EndsWith("Z", meta.GetProperty("computedAt").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_metrics_and_dimensions_are_400_naming_them_and_listing_valid_ones()
    {
        var client = await api.LoadedClientAsync();

        var response = await client.PostAsJsonAsync("/api/v1/analytics/query", new
        {
            dataset = "events", metrics = new[] { "revenue" }, from = ContractData.From, to = ContractData.To, groupBy = new[] { "planet" },
        }, Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Equal("'revenue' is not a metric of events; valid: event_count, unique_users, unique_sessions, purchasing_sessions, conversion_rate, review_count, rating_sum, average_rating",
            errors.GetProperty("metrics[0]")[0].GetString());
        Assert.StartsWith("'planet' is not a dimension of events; valid: event_type,", errors.GetProperty("groupBy[0]")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_composes_kpis_with_change_trend_top_products_and_statuses()
    {
        var client = await api.LoadedClientAsync();

        var body = await (await client.GetAsync($"/api/v1/analytics/dashboard?shopId=shop-a&from=2026-10-24T22:00:00Z&to=2026-10-26T23:00:00Z&tz=Europe/Berlin", Ct)).ReadJsonAsync();

        // EUR: a-2 + a-3 now vs a-1 in the 49 hours before; GBP: a-4 now, nothing before.
        Assert.Equal(new[] { "EUR|12.96|11.63|0.1144|2|1|1|6.48|11.63|-0.4428|2|1|1", "GBP|15.00|0||1|0||15.00|||1|0|" }, Rows(body.GetProperty("kpis")).Order());
        Assert.Equal(["0.3333|||3|0|"], Rows(body.GetProperty("conversion")));
        Assert.Equal(new[] { "p1|Käsespätzle|EUR|4.50|1", "p2|Brezel|EUR|3.00|3", "p3|Crème brûlée|EUR|6.00|1", "p4|Earl Grey|GBP|10.00|4" }, Rows(body.GetProperty("topProducts")).Order());
        Assert.Equal(new[] { "cancelled|1", "delivered|1", "refunded|1" }, Rows(body.GetProperty("ordersByStatus")).Order());
    }

    [Fact]
    public async Task Named_endpoints_answer_from_the_same_model()
    {
        var client = await api.LoadedClientAsync();

        var geographic = await (await client.GetAsync($"/api/v1/analytics/sales/geographic?shopId=shop-a&{Window}", Ct)).ReadJsonAsync();
        var financial = await (await client.GetAsync($"/api/v1/analytics/financial/revenue?shopId=shop-a&{Window}", Ct)).ReadJsonAsync();
        var top = await (await client.GetAsync($"/api/v1/analytics/products/top-selling?shopId=shop-a&by=units&limit=2&{Window}", Ct)).ReadJsonAsync();
        var badInterval = await client.GetAsync($"/api/v1/analytics/sales/revenue?shopId=shop-a&interval=fortnight&{Window}", Ct);

        Assert.Equal(new[] { "DE|Berlin|EUR|11.63|1|1", "DE|Munich|EUR|6.96|1|1", "FR|Paris|EUR|6.00|1|1", "GB|London|GBP|15.00|1|1" }, Rows(geographic).Order());
        // gross, discounts, refunds, cancellations, tax, shipping, revenue, net
        Assert.Equal(["EUR|22.50|1.00|6.00|0|1.09|2.00|24.59|18.59", "GBP|10.00|0.00|0|15.00|2.00|3.00|15.00|0.00"], Rows(financial));
        Assert.Equal(["p4|Earl Grey|GBP|10.00|4", "p1|Käsespätzle|EUR|13.50|3"], Rows(top));
        var problem = await badInterval.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("'fortnight' is not an interval; valid: hour, day, week, month, quarter, year", problem.GetProperty("errors").GetProperty("interval")[0].GetString());
    }

    [Theory]
    [InlineData("tz=Mars/Olympus", "tz", "'Mars/Olympus' is not an IANA time zone such as Europe/Berlin")]
    [InlineData("days=0", "days", "must be between 1 and 1096")]
    [InlineData("days=5000", "days", "must be between 1 and 1096")]
    [InlineData("from=2026-10-26T00:00:00Z&to=2026-10-25T00:00:00Z", "from", "must be before to")]
    public async Task A_bad_window_is_400_naming_the_parameter_the_caller_sent(string window, string field, string message)
    {
        var client = await api.LoadedClientAsync();

        var response = await client.GetAsync($"/api/v1/analytics/sales/revenue?shopId=shop-a&{window}", Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(message, problem.GetProperty("errors").GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task A_repeated_question_is_a_cache_hit_with_an_age()
    {
        var client = await api.LoadedClientAsync();
        var url = $"/api/v1/analytics/sales/categories?shopId=shop-a&{Window}";

        var first = await client.GetAsync(url, Ct);
        var second = await client.GetAsync(url, Ct);

        Assert.Equal("miss", first.Headers.GetValues("X-Cache").Single());
        Assert.Equal("hit", second.Headers.GetValues("X-Cache").Single());
        Assert.True(second.Headers.Age is { } age && age >= TimeSpan.Zero);
        Assert.True((await second.ReadJsonAsync()).GetProperty("meta").GetProperty("cached").GetBoolean());
        Assert.Equal(await (await client.GetAsync(url, Ct)).Content.ReadAsStringAsync(Ct), await second.Content.ReadAsStringAsync(Ct));
    }
}
