using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;
using FoodFast.Analytics.Api.Security;
using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.Realtime;

/// <summary>The WebSocket feed over real sockets: fan-out across two instances, shop rooms, topics, and bad requests.</summary>
public sealed class LiveFeedTests(LiveApiFactory api) : IClassFixture<LiveApiFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Order_posted_to_one_instance_reaches_a_client_of_the_other_within_a_second()
    {
        await using var second = new LiveSecondInstance(api);
        using var ingest = await api.CreateClientAsync(Role.Ingest, "shop-x");
        var key = (await api.CreateKeyAsync(Role.Analyst, "shop-x")).Key;
        await second.CreateReadyClientAsync();
        await using var listener = await LiveSocket.ConnectAsync(second.StreamUri("topics=orders"), key, Ct);

        var sent = Stopwatch.StartNew();
        var order = LiveOrders.At("shop-x", "x-1", DateTimeOffset.UtcNow);
        using var response = await ingest.PostAsync("/api/v1/orders", Sample.Json(order), Ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var message = await listener.WaitForAsync(m => m.GetProperty("type").GetString() == "order.created", Patience, Ct);
        var elapsed = sent.Elapsed;

        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"delivered after {elapsed.TotalMilliseconds:0} ms");
        Assert.Equal("shop-x", message.GetProperty("shopId").GetString());
        Assert.Equal("x-1", message.GetProperty("data").GetProperty("orderId").GetString());
        Assert.Equal(12.00m, message.GetProperty("data").GetProperty("total").GetDecimal());
        Assert.Equal("EUR", message.GetProperty("data").GetProperty("currency").GetString());
    }

    [Fact]
    public async Task A_shop_client_hears_only_its_shop_and_an_admin_room_hears_both()
    {
        using var admin = await api.CreateAdminClientAsync();
        var keyA = (await api.CreateKeyAsync(Role.Analyst, "iso-a")).Key;
        var keyB = (await api.CreateKeyAsync(Role.Analyst, "iso-b")).Key;
        await using var clientA = await LiveSocket.ConnectAsync(api.StreamUri("topics=orders"), keyA, Ct);
        await using var clientB = await LiveSocket.ConnectAsync(api.StreamUri("topics=orders"), keyB, Ct);
        await using var all = await LiveSocket.ConnectAsync(api.StreamUri("topics=orders"), api.AdminKey, Ct);

        foreach (var (shop, id) in new[] { ("iso-b", "b-1"), ("iso-a", "a-1"), ("iso-b", "b-2"), ("iso-a", "a-2") })
        {
            using var response = await admin.PostAsync("/api/v1/orders", Sample.Json(LiveOrders.At(shop, id, DateTimeOffset.UtcNow)), Ct);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        // Separate requests publish independently (each after its own Redis round trip), so only a batch keeps its order.
        Assert.Equal(["a-1", "a-2"], (await OrderIdsAsync(clientA, 2)).Order());
        Assert.Equal(["b-1", "b-2"], (await OrderIdsAsync(clientB, 2)).Order());
        Assert.Equal(["a-1", "a-2", "b-1", "b-2"], (await OrderIdsAsync(all, 4)).Order());
        Assert.Null(await clientA.NextAsync(TimeSpan.FromSeconds(1), Ct));
    }

    [Fact]
    public async Task A_burst_arrives_as_separate_complete_messages_in_order()
    {
        using var admin = await api.CreateAdminClientAsync();
        var key = (await api.CreateKeyAsync(Role.Analyst, "burst-shop")).Key;
        await using var client = await LiveSocket.ConnectAsync(api.StreamUri("topics=orders"), key, Ct);
        var ids = Enumerable.Range(1, LiveApiFactory.QueueCapacity - 2).Select(i => $"burst-{i:00}").ToList();
        var before = await Observability.Scrape.TakeAsync(admin);

        // One batch: the client's queue fills faster than one send per message, so the server writes several frames at once.
        using var response = await admin.PostAsync("/api/v1/orders/batch", Sample.Json(ids.Select(id => LiveOrders.At("burst-shop", id, DateTimeOffset.UtcNow)).ToList()), Ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        Assert.Equal(ids, await OrderIdsAsync(client, ids.Count));
        Assert.Null(await client.NextAsync(TimeSpan.FromSeconds(1), Ct));
        // Each write to a client records how long its oldest message waited: at least one write, at most one per message.
        const string writes = "foodfast_live_send_delay_seconds_count";
        Assert.InRange((await Observability.Scrape.TakeAsync(admin)).Value(writes) - before.Value(writes), 1, ids.Count);
    }

    [Fact]
    public async Task Topics_filter_what_a_client_hears()
    {
        using var admin = await api.CreateAdminClientAsync();
        var key = (await api.CreateKeyAsync(Role.Analyst, "topic-shop")).Key;
        await using var inventory = await LiveSocket.ConnectAsync(api.StreamUri("topics=inventory"), key, Ct);
        var stock = Sample.Event("topic-shop", type: Core.Events.ActivityType.InventoryUpdated) with
        {
            OccurredAt = DateTimeOffset.UtcNow, StockLevel = 2, ProductName = "Käsespätzle",
        };

        await admin.PostAsync("/api/v1/orders", Sample.Json(LiveOrders.At("topic-shop", "t-1", DateTimeOffset.UtcNow)), Ct);
        await admin.PostAsync("/api/v1/events", Sample.Json(stock), Ct);

        var first = await inventory.WaitForAsync(_ => true, Patience, Ct);
        var second = await inventory.WaitForAsync(_ => true, Patience, Ct);
        Assert.Equal("inventory.updated", first.GetProperty("type").GetString());
        Assert.Equal("stock.low", second.GetProperty("type").GetString());
        Assert.Equal(2, second.GetProperty("data").GetProperty("stockLevel").GetInt32());
        Assert.Equal(5, second.GetProperty("data").GetProperty("threshold").GetInt32());
        Assert.Null(await inventory.NextAsync(TimeSpan.FromSeconds(1), Ct));
    }

    [Fact]
    public async Task Bad_stream_requests_are_problems_naming_the_field()
    {
        using var analyst = await api.CreateClientAsync(Role.Analyst, "shop-a");
        using var topics = await analyst.GetAsync("/api/v1/stream/sse?topics=orders,gossip", Ct);
        var invalid = await topics.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("gossip", invalid.GetProperty("errors").GetProperty("topics")[0].GetString(), StringComparison.Ordinal);
        using var otherShop = await analyst.GetAsync("/api/v1/stream/sse?shopId=shop-b", Ct);
        var denied = await otherShop.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("shopId", denied.GetRawText(), StringComparison.Ordinal);
        using var anonymous = await api.CreateClient().GetAsync("/api/v1/stream/sse", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var refused = await Assert.ThrowsAnyAsync<WebSocketException>(() => LiveSocket.ConnectAsync(api.StreamUri(), "not-a-key", Ct));
        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
    }

    private static async Task<List<string>> OrderIdsAsync(LiveSocket socket, int count)
    {
        var ids = new List<string>();
        while (ids.Count < count)
        {
            var message = await socket.WaitForAsync(m => m.GetProperty("type").GetString() == "order.created", Patience, Ct);
            ids.Add(message.GetProperty("data").GetProperty("orderId").GetString()!);
        }
        return ids;
    }
}
