using System.Net.Http.Headers;
using FoodFast.Analytics.Api.Security;
using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.Queries;

/// <summary>The contract data, with a time zone configured for shop-a only.</summary>
public sealed class ZonedShopsApiFactory : QueryApiFactory
{
    protected override void Configure(IDictionary<string, string?> settings) => settings["Shops:TimeZones:shop-a"] = "Europe/Berlin";
}

/// <summary>GET /api/v1/shops over the contract data, and the meta that tells an empty shop from a quiet week.</summary>
public sealed class ShopsEndpointTests(ZonedShopsApiFactory api) : IClassFixture<ZonedShopsApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string[] Shops(System.Text.Json.JsonElement body) => body.GetProperty("shops").EnumerateArray().Select(s => string.Join('|',
        s.GetProperty("shopId"), s.GetProperty("hasData"), s.GetProperty("firstOrderAt"), s.GetProperty("lastOrderAt"), s.GetProperty("orders"),
        string.Join(',', s.GetProperty("currencies").EnumerateArray()))).ToArray();

    [Fact]
    public async Task An_admin_sees_every_shop_with_its_first_and_last_order_and_currencies()
    {
        var admin = await api.LoadedClientAsync();

        var body = await (await admin.GetAsync("/api/v1/shops", Ct)).ReadJsonAsync();

        Assert.Equal(["shop-a|True|2026-10-24T21:30:00Z|2026-10-25T23:30:00Z|4|EUR,GBP", "shop-b|True|2026-10-25T09:00:00Z|2026-10-26T09:00:00Z|2|EUR"],
            Shops(body).Where(line => line.StartsWith("shop-a|", StringComparison.Ordinal) || line.StartsWith("shop-b|", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Each_shop_has_its_configured_time_zone_or_the_default_and_says_which()
    {
        var admin = await api.LoadedClientAsync();
        using var empty = await api.CreateClientAsync(Role.Analyst, "shop-new");

        var all = await (await admin.GetAsync("/api/v1/shops", Ct)).ReadJsonAsync();
        var none = await (await empty.GetAsync("/api/v1/shops", Ct)).ReadJsonAsync();

        static string[] Zones(System.Text.Json.JsonElement body, params string[] shops) => body.GetProperty("shops").EnumerateArray()
            .Where(s => shops.Contains(s.GetProperty("shopId").GetString()))
            .Select(s => $"{s.GetProperty("shopId")}|{s.GetProperty("timeZone")}|{s.GetProperty("timeZoneSource")}").ToArray();
        Assert.Equal(["shop-a|Europe/Berlin|setting", "shop-b|UTC|default"], Zones(all, "shop-a", "shop-b"));
        // A shop listed before its first order has a zone too.
        Assert.Equal(["shop-new|UTC|default"], Zones(none, "shop-new"));
    }

    [Fact]
    public async Task A_shop_key_sees_only_its_shop_and_a_shop_without_orders_says_so_there_and_in_query_meta()
    {
        await api.LoadedClientAsync();
        using var shopB = await api.CreateClientAsync(Role.Analyst, "shop-b");
        using var empty = await api.CreateClientAsync(Role.Analyst, "shop-new");

        var own = await (await shopB.GetAsync("/api/v1/shops", Ct)).ReadJsonAsync();
        var none = await (await empty.GetAsync("/api/v1/shops", Ct)).ReadJsonAsync();
        var week = await (await empty.GetAsync("/api/v1/analytics/sales/revenue?shopId=shop-new&days=7", Ct)).ReadJsonAsync();
        var quiet = await (await shopB.GetAsync("/api/v1/analytics/sales/revenue?shopId=shop-b&from=2026-09-01T00:00:00Z&to=2026-09-08T00:00:00Z", Ct)).ReadJsonAsync();

        Assert.Equal(["shop-b|True|2026-10-25T09:00:00Z|2026-10-26T09:00:00Z|2|EUR"], Shops(own));
        var entry = Assert.Single(none.GetProperty("shops").EnumerateArray());
        Assert.Equal(("shop-new", false, 0), (entry.GetProperty("shopId").GetString(), entry.GetProperty("hasData").GetBoolean(), entry.GetProperty("orders").GetInt32()));
        Assert.False(week.GetProperty("meta").GetProperty("shopHasData").GetBoolean());
        // A shop with orders, asked about a week without any, is a quiet week: nothing to flag.
        Assert.False(quiet.GetProperty("meta").TryGetProperty("shopHasData", out _));
    }
}
