using System.Net;
using System.Text.Json;
using FoodFast.Analytics.Core.Events;
using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.Queries;

/// <summary>The family endpoints (funnels, retention, segments, stock, search terms, the shop list) answer through the query cache like the aggregates.</summary>
public sealed class FamilyCacheTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Shop = "family-cache-shop";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_retention_answer_is_a_hit_the_second_time_and_an_erasure_purges_it()
    {
        var client = await api.CreateAdminClientAsync();
        var orders = new[] { Sample.Order(Shop, "fc-1") with { CustomerId = "c-stays" }, Sample.Order(Shop, "fc-2") with { CustomerId = "c-erased" } };
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("/api/v1/orders/batch?wait=true", Sample.Json(orders), Ct)).StatusCode);
        const string url = $"/api/v1/analytics/users/retention?shopId={Shop}&period=month&periods=1";

        var miss = await client.GetAsync(url, Ct);
        var hit = await client.GetAsync(url, Ct);

        Assert.Equal(("miss", "hit"), (miss.Headers.GetValues("X-Cache").Single(), hit.Headers.GetValues("X-Cache").Single()));
        var (missed, cached) = (await miss.ReadJsonAsync(), await hit.ReadJsonAsync());
        Assert.Equal((false, true), (missed.GetProperty("meta").GetProperty("cached").GetBoolean(), cached.GetProperty("meta").GetProperty("cached").GetBoolean()));
        var cohorts = $"[{{\"cohort\":\"{Sample.Now:yyyy-MM}-01\",\"size\":2,\"active\":[2],\"rates\":[1]}}]";
        Assert.Equal(cohorts, Compact(missed.GetProperty("cohorts")));
        Assert.Equal(cohorts, Compact(cached.GetProperty("cohorts")));
        Assert.Equal(missed.GetProperty("meta").GetProperty("computedAt").GetString(), cached.GetProperty("meta").GetProperty("computedAt").GetString());

        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"/api/v1/admin/customers/c-erased?shopId={Shop}", Ct)).StatusCode);
        var after = await client.GetAsync(url, Ct);

        Assert.Equal("miss", after.Headers.GetValues("X-Cache").Single());
        // The erased customer is pseudonymised, not forgotten: the cohort keeps its size.
        Assert.Equal(cohorts, Compact((await after.ReadJsonAsync()).GetProperty("cohorts")));
    }

    [Fact]
    public async Task A_stock_answer_is_a_hit_the_second_time_with_the_same_levels()
    {
        var client = await api.CreateAdminClientAsync();
        var stock = Sample.Event("family-stock-shop", type: ActivityType.InventoryUpdated) with { ProductId = "p-1", ProductName = "Flour", StockLevel = 4 };
        await client.PostAsync("/api/v1/events/batch?wait=true", Sample.Json(new[] { stock }), Ct);
        const string url = "/api/v1/analytics/products/inventory?shopId=family-stock-shop&threshold=5";

        var miss = await client.GetAsync(url, Ct);
        var hit = await client.GetAsync(url, Ct);

        Assert.Equal(("miss", "hit"), (miss.Headers.GetValues("X-Cache").Single(), hit.Headers.GetValues("X-Cache").Single()));
        var (missed, cached) = (await miss.ReadJsonAsync(), await hit.ReadJsonAsync());
        Assert.Equal(["p-1:4"], missed.GetProperty("lowStock").EnumerateArray().Select(p => $"{p.GetProperty("productId")}:{p.GetProperty("level")}"));
        Assert.Equal(Compact(missed.GetProperty("products")), Compact(cached.GetProperty("products")));
        Assert.True(cached.GetProperty("meta").GetProperty("cached").GetBoolean());
    }

    [Fact]
    public async Task Search_terms_come_whole_from_the_cache_the_search_to_purchase_sessions_included()
    {
        var client = await api.CreateAdminClientAsync();
        const string shop = "family-search-shop";
        var search = Sample.Event(shop, type: ActivityType.Search) with { Query = "brot", ResultsCount = 3 };
        var purchase = Sample.Event(shop, type: ActivityType.Purchase);
        await client.PostAsync("/api/v1/events/batch?wait=true", Sample.Json(new[] { search, purchase }), Ct);
        // A window that ended over an hour ago: settled, so its answers are kept for an hour.
        var url = $"/api/v1/analytics/products/search?shopId={shop}&from={Sample.Now.AddHours(-1):yyyy-MM-ddTHH:mm:ssZ}&to={Sample.Now.AddMinutes(10):yyyy-MM-ddTHH:mm:ssZ}";

        var miss = await client.GetAsync(url, Ct);
        var later = Sample.Event(shop, type: ActivityType.Search) with { SessionId = "s-2", Query = "brot", ResultsCount = 3 };
        await client.PostAsync("/api/v1/events/batch?wait=true", Sample.Json(new[] { later }), Ct);
        var hit = await client.GetAsync(url, Ct);

        Assert.Equal(("miss", "hit"), (miss.Headers.GetValues("X-Cache").Single(), hit.Headers.GetValues("X-Cache").Single()));
        var (missed, cached) = (await miss.ReadJsonAsync(), await hit.ReadJsonAsync());
        Assert.Equal((1, 1, 1m), (missed.GetProperty("searchingSessions").GetInt64(), missed.GetProperty("purchasingAfterSearch").GetInt64(), missed.GetProperty("searchToPurchaseRate").GetDecimal()));
        // The session that searched after the first answer is not in the cached one.
        Assert.Equal((1, 1, 1m), (cached.GetProperty("searchingSessions").GetInt64(), cached.GetProperty("purchasingAfterSearch").GetInt64(), cached.GetProperty("searchToPurchaseRate").GetDecimal()));
        Assert.Equal(Compact(missed.GetProperty("topQueries").GetProperty("rows")), Compact(cached.GetProperty("topQueries").GetProperty("rows")));
    }

    [Fact]
    public async Task The_shop_list_is_kept_as_long_as_an_answer_about_now_and_an_erasure_purges_it()
    {
        await using var api = new LongLiveAnswers();
        await api.InitializeAsync();
        var client = await api.CreateAdminClientAsync();
        const string shop = "family-shops-shop";
        await client.PostAsync("/api/v1/orders?wait=true", Sample.Json(Sample.Order(shop, "s-1") with { CustomerId = "c-gone" }), Ct);

        var first = await OrdersAsync(client, shop);
        await client.PostAsync("/api/v1/orders?wait=true", Sample.Json(Sample.Order(shop, "s-2")), Ct);
        var cached = await OrdersAsync(client, shop);
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"/api/v1/admin/customers/c-gone?shopId={shop}", Ct)).StatusCode);
        var purged = await OrdersAsync(client, shop);

        Assert.Equal((1, 1, 2), (first, cached, purged));
    }

    private static async Task<long> OrdersAsync(HttpClient client, string shop) =>
        (await (await client.GetAsync($"/api/v1/shops?shopId={shop}", Ct)).ReadJsonAsync()).GetProperty("shops")[0].GetProperty("orders").GetInt64();

    /// <summary>Answers about now kept ten minutes, so a slow machine cannot let one expire between two requests.</summary>
    private sealed class LongLiveAnswers : ApiFactory
    {
        protected override void Configure(IDictionary<string, string?> settings) => settings["Cache:LiveTtlSeconds"] = "600";
    }

    private static string Compact(JsonElement element) => JsonSerializer.Serialize(element);
}
