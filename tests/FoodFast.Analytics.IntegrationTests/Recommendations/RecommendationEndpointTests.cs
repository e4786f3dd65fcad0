using System.Net;
using System.Text.Json;
using FoodFast.Analytics.Api.Security;
using FoodFast.Analytics.IntegrationTests.Infrastructure;
using FoodFast.Analytics.IntegrationTests.Queries;

namespace FoodFast.Analytics.IntegrationTests.Recommendations;

/// <summary>The recommendation endpoints over HTTP on RecommendationData (values computed by hand there), with real keys.</summary>
public sealed class RecommendationEndpointTests(QueryApiFactory api) : IClassFixture<QueryApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string June = "from=2026-06-01T00:00:00Z&to=2026-06-15T00:00:00Z";

    private static string[] Pairs(JsonElement body) => body.GetProperty("products").EnumerateArray()
        .Select(p => $"{p.GetProperty("productId")}|{p.GetProperty("productName")}|{p.GetProperty("orders")}|{p.GetProperty("support")}|{p.GetProperty("confidence")}|{p.GetProperty("lift")}").ToArray();

    [Fact]
    public async Task Bought_together_answers_lift_support_and_confidence_for_the_callers_shop()
    {
        await api.LoadedClientAsync();
        var analyst = await api.CreateClientAsync(Role.Analyst, "shop-r");

        var body = await (await analyst.GetAsync($"/api/v1/recommendations/products/p1/bought-together?{June}", Ct)).ReadJsonAsync();
        var rarer = await (await analyst.GetAsync($"/api/v1/recommendations/products/p1/bought-together?{June}&minSupport=1&limit=3", Ct)).ReadJsonAsync();

        Assert.Equal((8, 4, 2), (body.GetProperty("orders").GetInt32(), body.GetProperty("ordersWithProduct").GetInt32(), body.GetProperty("minSupport").GetInt32()));
        Assert.Equal(["p3|Vanilla ice cream|2|0.25|0.5|1.3333", "p2|Cola|2|0.25|0.5|1"], Pairs(body));
        Assert.Equal(["p3|Vanilla ice cream|2|0.25|0.5|1.3333", "p2|Cola|2|0.25|0.5|1", "p4|Lemonade|1|0.125|0.25|1"], Pairs(rarer));
        Assert.Equal("postgres", body.GetProperty("meta").GetProperty("backend").GetString());
    }

    [Fact]
    public async Task A_shop_bound_key_never_sees_another_shops_baskets()
    {
        await api.LoadedClientAsync();
        var shopS = await api.CreateClientAsync(Role.Analyst, "shop-s");

        var own = await (await shopS.GetAsync($"/api/v1/recommendations/products/p1/bought-together?{June}&minSupport=1", Ct)).ReadJsonAsync();
        var other = await shopS.GetAsync($"/api/v1/recommendations/products/p1/bought-together?{June}&shopId=shop-r", Ct);
        var otherTrending = await shopS.GetAsync("/api/v1/recommendations/trending?shopId=shop-r", Ct);
        var otherPromotions = await shopS.GetAsync("/api/v1/recommendations/promotions?shopId=shop-r", Ct);
        var otherStorefront = await shopS.GetAsync("/recommendations?shopId=shop-r", Ct);
        var trending = await (await shopS.GetAsync("/api/v1/recommendations/trending?window=7d&to=2026-06-10T00:00:00Z", Ct)).ReadJsonAsync();

        Assert.Equal(["p9|Espresso|1|1|1|1"], Pairs(own));
        await other.AssertProblemAsync(HttpStatusCode.Forbidden);
        await otherTrending.AssertProblemAsync(HttpStatusCode.Forbidden);
        await otherPromotions.AssertProblemAsync(HttpStatusCode.Forbidden);
        await otherStorefront.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(0, trending.GetProperty("rising").GetArrayLength());
        Assert.Equal("p1|1,p9|1", string.Join(',', trending.GetProperty("new").EnumerateArray().Select(p => $"{p.GetProperty("productId")}|{p.GetProperty("recentUnits")}")));
    }

    [Fact]
    public async Task Trending_ranks_rising_products_by_ratio_and_lists_new_ones_apart()
    {
        var admin = await api.LoadedClientAsync();

        var body = await (await admin.GetAsync("/api/v1/recommendations/trending?shopId=shop-r&window=7d&to=2026-06-15T00:00:00Z", Ct)).ReadJsonAsync();

        Assert.Equal(["p4|Lemonade|beverages|4|1|4", "p3|Vanilla ice cream|ice_cream|6|3|2"], body.GetProperty("rising").EnumerateArray()
            .Select(p => $"{p.GetProperty("productId")}|{p.GetProperty("productName")}|{p.GetProperty("category")}|{p.GetProperty("recentUnits")}|{p.GetProperty("previousUnits")}|{p.GetProperty("ratio")}"));
        var fresh = Assert.Single(body.GetProperty("new").EnumerateArray());
        Assert.Equal(("p5", 2, JsonValueKind.Null), (fresh.GetProperty("productId").GetString(), fresh.GetProperty("recentUnits").GetInt32(), fresh.TryGetProperty("ratio", out var r) ? r.ValueKind : JsonValueKind.Null));
        Assert.Equal(("2026-06-08T00:00:00Z", "2026-06-01T00:00:00Z"), (body.GetProperty("recentFrom").GetString(), body.GetProperty("previousFrom").GetString()));
    }

    [Fact]
    public async Task Promotions_say_which_rule_fired_and_why_from_request_weather_and_category_trends()
    {
        var admin = await api.LoadedClientAsync();

        var body = await (await admin.GetAsync("/api/v1/recommendations/promotions?shopId=shop-r&city=Berlin&temperature=31&condition=clear&to=2026-06-15T00:00:00Z", Ct)).ReadJsonAsync();
        var none = await (await admin.GetAsync("/api/v1/recommendations/promotions?shopId=shop-r", Ct)).ReadJsonAsync();

        Assert.Equal(("request", "Berlin", 31m, "clear"), (body.GetProperty("weather").GetProperty("source").GetString(), body.GetProperty("weather").GetProperty("city").GetString(),
            body.GetProperty("weather").GetProperty("temperatureC").GetDecimal(), body.GetProperty("weather").GetProperty("condition").GetString()));
        Assert.Equal(("template", "embedded defaults"), (body.GetProperty("wording").GetString(), body.GetProperty("rules").GetString()));
        var suggestions = body.GetProperty("suggestions").EnumerateArray().ToList();
        Assert.Equal(["hot-day", "sunny-and-trending-cold-treats"], suggestions.Select(s => s.GetProperty("ruleId").GetString()));
        Assert.Equal("31°C in Berlin: put cold drinks, ice cream and salads up front.", suggestions[0].GetProperty("message").GetString());
        Assert.Equal(["beverages", "ice_cream", "salads"], suggestions[0].GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["temperature 31°C is at least 18°C", "condition is clear (rule: clear)", "ice_cream sold 6 units in the last 7 days against 3 before (x2, rule: at least x1.2)"],
            suggestions[1].GetProperty("because").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(JsonValueKind.Null, none.TryGetProperty("weather", out var w) ? w.ValueKind : JsonValueKind.Null);
        Assert.StartsWith("no weather", none.GetProperty("weatherNote").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, none.GetProperty("suggestions").GetArrayLength());
    }

    [Fact]
    public async Task The_storefront_alias_combines_trending_promotions_and_bought_together()
    {
        var admin = await api.LoadedClientAsync();

        var body = await (await admin.GetAsync("/recommendations?shopId=shop-r&productId=p1&temperature=4&condition=rain&city=Hamburg", Ct)).ReadJsonAsync();
        var withoutProduct = await (await admin.GetAsync("/recommendations?shopId=shop-r", Ct)).ReadJsonAsync();

        Assert.Equal("shop-r", body.GetProperty("shopId").GetString());
        Assert.Equal("7d", body.GetProperty("trending").GetProperty("window").GetString());
        Assert.Equal(["cold-day", "wet-day"], body.GetProperty("promotions").GetProperty("suggestions").EnumerateArray().Select(s => s.GetProperty("ruleId").GetString()));
        Assert.Equal("p1", body.GetProperty("boughtTogether").GetProperty("productId").GetString());
        Assert.Equal(JsonValueKind.Null, withoutProduct.TryGetProperty("boughtTogether", out var b) ? b.ValueKind : JsonValueKind.Null);
    }

    [Theory]
    [InlineData("/api/v1/recommendations/trending?window=7x", "window")]
    [InlineData("/api/v1/recommendations/trending?window=400d", "window")]
    [InlineData("/api/v1/recommendations/trending?limit=0", "limit")]
    [InlineData("/api/v1/recommendations/products/p1/bought-together?minSupport=0", "minSupport")]
    [InlineData("/api/v1/recommendations/products/p1/bought-together?limit=51", "limit")]
    [InlineData("/api/v1/recommendations/products/p1/bought-together?from=2026-06-15T00:00:00Z&to=2026-06-01T00:00:00Z", "from")]
    [InlineData("/api/v1/recommendations/products/p1/bought-together?tz=Mars/Olympus", "tz")]
    [InlineData("/api/v1/recommendations/promotions?temperature=31&condition=sunny", "condition")]
    [InlineData("/api/v1/recommendations/promotions?temperature=31", "condition")]
    [InlineData("/api/v1/recommendations/promotions?temperature=99&condition=clear", "temperature")]
    [InlineData("/recommendations?productId=p1&limit=500", "limit")]
    public async Task Bad_parameters_are_a_400_naming_the_field(string url, string field)
    {
        var client = await api.CreateClientAsync(Role.Analyst, "shop-r");

        var problem = await (await client.GetAsync(url, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }
}
