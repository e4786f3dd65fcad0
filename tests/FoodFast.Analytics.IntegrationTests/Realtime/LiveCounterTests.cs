using System.Net;
using System.Text.Json;
using FoodFast.Analytics.Api.Security;
using FoodFast.Analytics.Core.Orders;
using FoodFast.Analytics.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Order = FoodFast.Analytics.Core.Orders.Order;
using Role = FoodFast.Analytics.Api.Security.Role;

namespace FoodFast.Analytics.IntegrationTests.Realtime;

/// <summary>The counters after a known set of orders and sessions, exactly; and the rebuild from the store reproduces them.</summary>
public sealed class LiveCounterTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Shop = "count-shop";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Counters_are_exact_count_a_retried_order_once_and_the_rebuild_reproduces_them()
    {
        using var ingest = await api.CreateClientAsync(Role.Ingest, Shop);
        using var analyst = await api.CreateClientAsync(Role.Analyst, Shop);
        using var admin = await api.CreateAdminClientAsync();
        var now = DateTimeOffset.UtcNow;
        var twoMinutesAgo = now.AddMinutes(-2);
        var created = LiveOrders.At(Shop, "o-1", twoMinutesAgo, OrderStatus.Created);
        foreach (var copy in new[] { created, created, created with { Status = OrderStatus.Paid, UpdatedAt = twoMinutesAgo.AddSeconds(30) } })
        {
            using var sent = await ingest.PostAsync("/api/v1/orders?wait=true", Sample.Json(copy), Ct);
            Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        }
        Order[] more =
        [
            LiveOrders.At(Shop, "o-2", now.AddMinutes(-10), productId: "p-2", quantity: 3, unitPrice: 2.00m),
            LiveOrders.At(Shop, "o-3", twoMinutesAgo, quantity: 1, unitPrice: 10.00m, currency: "GBP"),
        ];
        using (var batch = await ingest.PostAsync("/api/v1/orders/batch?wait=true", Sample.Json(more), Ct))
        {
            Assert.Equal(HttpStatusCode.Accepted, batch.StatusCode);
        }
        var sessions = new[] { ("s-1", twoMinutesAgo), ("s-2", now.AddMinutes(-1)), ("s-3", now.AddMinutes(-10)), ("s-1", twoMinutesAgo) }
            .Select(s => Sample.Event(Shop) with { SessionId = s.Item1, OccurredAt = s.Item2 });
        using (var events = await ingest.PostAsync("/api/v1/events/batch", Sample.Json(sessions), Ct))
        {
            Assert.Equal(HttpStatusCode.Accepted, events.StatusCode);
        }

        var figures = await WaitForAsync(analyst, f => f.GetProperty("orderCountLast60Minutes").GetInt64() == 3 && f.GetProperty("activeSessionsLast5Minutes").GetInt64() == 2);
        AssertKnownFigures(figures);
        using var product = await analyst.GetAsync("/api/v1/analytics/realtime/products/p-2", Ct);
        var p2 = await product.ReadJsonAsync();
        Assert.Equal(0, p2.GetProperty("last5Minutes").GetProperty("units").GetInt64());
        Assert.Equal("""{"productId":"p-2","productName":"Product p-2","units":3,"orders":1,"revenue":{"EUR":6}}""", p2.GetProperty("last60Minutes").GetRawText());
        using var alias = await analyst.GetAsync("/analytics", Ct);
        var lastMinute = await alias.ReadJsonAsync();
        Assert.Equal(0, lastMinute.GetProperty("orderCountLastMinute").GetInt64());
        Assert.Equal("{}", lastMinute.GetProperty("revenueLastMinute").GetRawText());

        await WipeMinuteBucketsAsync();
        var wiped = await WaitForAsync(analyst, f => true);
        Assert.Equal(0, wiped.GetProperty("orderCountLast60Minutes").GetInt64());
        using var rebuild = await admin.PostAsync($"/api/v1/admin/realtime/rebuild?shopId={Shop}&minutes=60", null, Ct);
        var rebuilt = await rebuild.ReadJsonAsync();
        Assert.True(rebuild.StatusCode == HttpStatusCode.OK, rebuilt.GetRawText());
        Assert.Equal(3, rebuilt.GetProperty("orders").GetInt64());
        AssertKnownFigures(await WaitForAsync(analyst, f => true));
    }

    [Fact]
    public async Task Realtime_reads_need_one_shop_and_the_rebuild_a_window_within_the_hour()
    {
        using var admin = await api.CreateAdminClientAsync();
        using var analyst = await api.CreateClientAsync(Role.Analyst, Shop);
        using var noShop = await admin.GetAsync("/api/v1/analytics/realtime", Ct);
        Assert.True((await noShop.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("shopId", out _));
        using var otherShop = await analyst.GetAsync("/api/v1/analytics/realtime?shopId=another", Ct);
        await otherShop.AssertProblemAsync(HttpStatusCode.Forbidden);
        using var tooLong = await admin.PostAsync($"/api/v1/admin/realtime/rebuild?shopId={Shop}&minutes=61", null, Ct);
        Assert.True((await tooLong.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("minutes", out _));
        using var notAdmin = await analyst.PostAsync($"/api/v1/admin/realtime/rebuild?shopId={Shop}", null, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, notAdmin.StatusCode);
    }

    /// <summary>o-1 (12.00 EUR, sent three times) and o-3 (13.50 GBP) two minutes ago; o-2 (9.50 EUR) ten minutes ago.</summary>
    private static void AssertKnownFigures(JsonElement f)
    {
        Assert.Equal(0, f.GetProperty("orderCountLastMinute").GetInt64());
        Assert.Equal(2, f.GetProperty("orderCountLast5Minutes").GetInt64());
        Assert.Equal("""{"EUR":12,"GBP":13.5}""", f.GetProperty("revenueLast5Minutes").GetRawText());
        Assert.Equal(3, f.GetProperty("orderCountLast60Minutes").GetInt64());
        Assert.Equal("""{"EUR":21.5,"GBP":13.5}""", f.GetProperty("revenueLast60Minutes").GetRawText());
        Assert.Equal(
            """[{"productId":"p-1","productName":"Product p-1","units":3,"orders":2,"revenue":{"EUR":8.5,"GBP":10}},""" +
            """{"productId":"p-2","productName":"Product p-2","units":3,"orders":1,"revenue":{"EUR":6}}]""",
            f.GetProperty("topProductsLastHour").GetRawText());
        Assert.Equal(60, f.GetProperty("perMinute").GetArrayLength());
        Assert.Equal(3, f.GetProperty("perMinute").EnumerateArray().Sum(m => m.GetProperty("orderCount").GetInt64()));
    }

    private static async Task<JsonElement> WaitForAsync(HttpClient analyst, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            using var response = await analyst.GetAsync("/api/v1/analytics/realtime", Ct);
            var figures = await response.ReadJsonAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, figures.GetRawText());
            if (done(figures) || DateTime.UtcNow > deadline)
            {
                return figures;
            }
            await Task.Delay(100, Ct);
        }
    }

    private async Task WipeMinuteBucketsAsync()
    {
        using var redis = await ConnectionMultiplexer.ConnectAsync(TestServers.Redis);
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        var keys = server.Keys(pattern: $"{api.RedisPrefix}live:m:{Shop}:*").ToArray();
        Assert.NotEmpty(keys);
        await redis.GetDatabase().KeyDeleteAsync(keys);
    }
}
