using System.Net;
using System.Text.Json;
using FoodFast.Analytics.Api.Security;
using FoodFast.Analytics.Core.Events;
using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.Realtime;

/// <summary>Supplier and purchase events on the feed, and user rooms across two instances sharing Redis.</summary>
public sealed class UserRoomTests(LiveApiFactory api) : IClassFixture<LiveApiFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Supplier_and_purchase_events_reach_the_purchasing_topic_with_their_references()
    {
        using var ingest = await api.CreateClientAsync(Role.Ingest, "supply-shop");
        var key = (await api.CreateKeyAsync(Role.Analyst, "supply-shop")).Key;
        await using var purchasing = await LiveSocket.ConnectAsync(api.StreamUri("topics=purchasing"), key, Ct);
        var events = new[]
        {
            Supply(ActivityType.SupplierUpdated, "buyer-1", ("supplierId", "\"sup-7\""), ("supplierName", "\"Mühle Schmidt\"")),
            Supply(ActivityType.PurchaseCreated, "buyer-1", ("purchaseId", "\"po-42\""), ("supplierId", "\"sup-7\"")) with { Quantity = 24, Value = 31.20m, Currency = "EUR" },
            Supply(ActivityType.PurchaseReceived, "buyer-1", ("purchaseId", "\"po-42\"")) with { Quantity = 24 },
            Sample.Event("supply-shop", type: ActivityType.PaymentCompleted),
        };

        using var response = await ingest.PostAsync("/api/v1/events/batch", Sample.Json(events), Ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var supplier = await purchasing.WaitForAsync(_ => true, Patience, Ct);
        var created = await purchasing.WaitForAsync(_ => true, Patience, Ct);
        var received = await purchasing.WaitForAsync(_ => true, Patience, Ct);
        Assert.Equal("supplier.updated", supplier.GetProperty("type").GetString());
        Assert.Equal("buyer-1", supplier.GetProperty("userId").GetString());
        Assert.Equal("sup-7", supplier.GetProperty("data").GetProperty("supplierId").GetString());
        Assert.Equal("Mühle Schmidt", supplier.GetProperty("data").GetProperty("properties").GetProperty("supplierName").GetString());
        Assert.Equal("purchase.created", created.GetProperty("type").GetString());
        Assert.Equal(("po-42", "sup-7", 24, 31.20m, "EUR"), (Data(created, "purchaseId"), Data(created, "supplierId"),
            created.GetProperty("data").GetProperty("quantity").GetInt32(), created.GetProperty("data").GetProperty("value").GetDecimal(), Data(created, "currency")));
        Assert.Equal("purchase.received", received.GetProperty("type").GetString());
        Assert.Equal(events[2].EventId, received.GetProperty("data").GetProperty("eventId").GetGuid());
        Assert.Null(await purchasing.NextAsync(TimeSpan.FromSeconds(1), Ct));
    }

    [Fact]
    public async Task A_supply_event_without_its_reference_is_rejected_naming_the_property()
    {
        using var ingest = await api.CreateClientAsync(Role.Ingest, "supply-shop");

        using var response = await ingest.PostAsync("/api/v1/events", Sample.Json(Supply(ActivityType.PurchaseCreated, "buyer-1", ("supplierId", "\"sup-7\""))), Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("properties.purchaseId", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_room_hears_only_what_is_aimed_at_its_user_on_either_instance()
    {
        await using var second = new LiveSecondInstance(api);
        using var admin = await api.CreateAdminClientAsync();
        var key = (await api.CreateKeyAsync(Role.Analyst, "room-shop")).Key;
        await second.CreateReadyClientAsync();
        await using var userOnSecond = await LiveSocket.ConnectAsync(second.StreamUri("room=user:u-1"), key, Ct);
        using var userOnFirst = await SseReader.OpenAsync(api.CreateClient(), "/api/v1/stream/sse?room=user:u-1", key, null, Ct);
        await using var shopRoom = await LiveSocket.ConnectAsync(api.StreamUri("topics=orders,payments"), key, Ct);
        var now = DateTimeOffset.UtcNow;

        using var orders = await admin.PostAsync("/api/v1/orders/batch", Sample.Json(new[]
        {
            LiveOrders.At("room-shop", "o-u2", now) with { CustomerId = "u-2" },
            LiveOrders.At("room-shop", "o-u1", now) with { CustomerId = "u-1" },
        }), Ct);
        using var events = await admin.PostAsync("/api/v1/events/batch", Sample.Json(new[]
        {
            Sample.Event("room-shop", type: ActivityType.PaymentFailed) with { UserId = "u-2", OrderId = "o-u2" },
            Sample.Event("room-shop", type: ActivityType.PaymentCompleted) with { UserId = "u-1", OrderId = "o-u1" },
        }), Ct);
        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (orders.StatusCode, events.StatusCode));

        string[] expected = ["order.created o-u1", "payment.received o-u1"];
        var onSecond = new[] { await userOnSecond.WaitForAsync(_ => true, Patience, Ct), await userOnSecond.WaitForAsync(_ => true, Patience, Ct) };
        var onFirst = new[] { (await userOnFirst.NextAsync(Patience, Ct)).Data, (await userOnFirst.NextAsync(Patience, Ct)).Data };
        Assert.Equal(expected, onSecond.Select(Describe).Order());
        Assert.Equal(expected, onFirst.Select(Describe).Order());
        Assert.All(onSecond.Concat(onFirst), m => Assert.Equal("u-1", m.GetProperty("userId").GetString()));
        Assert.Null(await userOnSecond.NextAsync(TimeSpan.FromSeconds(1), Ct));
        var shop = new List<string>();
        while (shop.Count < 4)
        {
            shop.Add(Describe(await shopRoom.WaitForAsync(m => m.GetProperty("type").GetString() != "analytics.updated", Patience, Ct)));
        }
        Assert.Equal(["order.created o-u1", "order.created o-u2", "payment.failed o-u2", "payment.received o-u1"], shop.Order());
    }

    [Fact]
    public async Task Rooms_that_cannot_be_joined_are_problems_naming_the_field()
    {
        using var admin = await api.CreateAdminClientAsync();
        using var ingest = await api.CreateClientAsync(Role.Ingest, "room-shop");
        using var analyst = await api.CreateClientAsync(Role.Analyst, "room-shop");

        using var adminWithoutShop = await admin.GetAsync("/api/v1/stream/sse?room=user:u-1", Ct);
        using var ingestKey = await ingest.GetAsync("/api/v1/stream/sse?room=user:u-1", Ct);
        using var badRoom = await analyst.GetAsync("/api/v1/stream/sse?room=everyone", Ct);

        Assert.True((await adminWithoutShop.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("shopId", out _));
        Assert.Contains("API keys are not users", (await ingestKey.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("room")[0].GetString(), StringComparison.Ordinal);
        Assert.True((await badRoom.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("room", out _));
    }

    private static string Describe(JsonElement message) =>
        $"{message.GetProperty("type").GetString()} {message.GetProperty("data").GetProperty("orderId").GetString()}";

    private static string? Data(JsonElement message, string name) => message.GetProperty("data").GetProperty(name).GetString();

    private static ActivityEvent Supply(ActivityType type, string userId, params (string Key, string Json)[] properties) =>
        Sample.Event("supply-shop", type: type) with
        {
            UserId = userId, SessionId = null, OccurredAt = DateTimeOffset.UtcNow,
            Properties = properties.ToDictionary(p => p.Key, p => JsonDocument.Parse(p.Json).RootElement.Clone()),
        };
}
