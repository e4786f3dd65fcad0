using System.Text;
using System.Text.Json;
using FoodFast.Analytics.Api.Realtime;
using FoodFast.Analytics.Core.Events;
using FoodFast.Analytics.Core.Live;

namespace FoodFast.Analytics.UnitTests.Realtime;

/// <summary>User rooms, the routing read of a message heard from Redis, supply messages, and the stats sum.</summary>
public sealed class LiveRoomsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 21, 11, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_message_is_written_with_its_user_before_data_and_read_back_without_the_data()
    {
        var message = new LiveMessage(LiveTypes.PaymentReceived, "shop-a", At, new { type = "decoy", userId = "decoy" }) { UserId = "u-7" };

        var json = LiveMessages.Envelope(message).Json;
        var envelope = LiveEnvelope.Read("shop-a", json)!;

        Assert.Equal("""{"type":"payment.received","shopId":"shop-a","at":"2026-11-21T11:00:00Z","userId":"u-7","data":{"type":"decoy","userId":"decoy"}}""",
            Encoding.UTF8.GetString(json));
        Assert.Equal((LiveTypes.PaymentReceived, "u-7", "shop-a"), (envelope.Type, envelope.UserId, envelope.ShopId));
        Assert.Null(LiveEnvelope.Read("shop-a", """{"type":"order.created","data":{}}"""u8.ToArray())!.UserId);
        Assert.Null(LiveEnvelope.Read("shop-a", """{"shopId":"shop-a","data":{"type":"x"}}"""u8.ToArray()));
        Assert.Null(LiveEnvelope.Read("shop-a", "[1]"u8.ToArray()));
        Assert.ThrowsAny<JsonException>(() => LiveEnvelope.Read("shop-a", "{\"type\":"u8.ToArray()));
    }

    [Fact]
    public void A_user_room_client_wants_only_messages_aimed_at_its_user()
    {
        var client = new LiveClient("shop-a", "u-1", null, 10);

        Assert.True(client.Wants(Envelope("shop-a", "u-1")));
        Assert.False(client.Wants(Envelope("shop-a", "u-2")));
        Assert.False(client.Wants(Envelope("shop-a", null)));
        Assert.False(client.Wants(Envelope("shop-b", "u-1")));
        Assert.True(new LiveClient("shop-a", null, null, 10).Wants(Envelope("shop-a", "u-2")));
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("user:u-1", "u-1", null)]
    [InlineData("user:a:b", "a:b", null)]
    [InlineData("user:", null, "must be user:{userId} (a user id of 1-128 characters), or left out for the shop room")]
    [InlineData("shop", null, "must be user:{userId} (a user id of 1-128 characters), or left out for the shop room")]
    public void Rooms_parse_or_say_what_is_expected(string? room, string? userId, string? problem)
    {
        Assert.Equal((userId, problem), new StreamRequest(null, null, room).ParseRoom());
    }

    [Theory]
    [InlineData(ActivityType.SupplierUpdated, "supplier.updated")]
    [InlineData(ActivityType.PurchaseCreated, "purchase.created")]
    [InlineData(ActivityType.PurchaseReceived, "purchase.received")]
    public void Supply_events_are_relayed_on_the_purchasing_topic_aimed_at_their_user(ActivityType type, string expected)
    {
        var properties = new Dictionary<string, JsonElement>
        {
            ["supplierId"] = JsonDocument.Parse("\"sup-7\"").RootElement, ["purchaseId"] = JsonDocument.Parse("42").RootElement,
        };
        var activity = new ActivityEvent
        {
            ShopId = "shop-a", EventId = Guid.Empty, OccurredAt = At, Category = EventCategory.Product, Type = type, UserId = "buyer-1",
            ProductId = "p-1", Quantity = 24, Value = 31.20m, Currency = "EUR", Properties = properties,
        };

        var message = Assert.Single(LiveMessages.Of(activity, 5, At));
        var data = Assert.IsType<LiveMessages.SupplyData>(message.Data);

        Assert.Equal((expected, "purchasing", "buyer-1"), (message.Type, LiveTypes.TopicOf(message.Type), message.UserId));
        Assert.Equal(("sup-7", "42", "p-1", 24, 31.20m), (data.SupplierId, data.PurchaseId, data.ProductId, data.Quantity, data.Value));
    }

    [Fact]
    public void Stats_add_up_every_instance_and_a_shop_sees_only_its_row()
    {
        IReadOnlyDictionary<string, long> first = new Dictionary<string, long> { ["shop-a"] = 2, ["shop-a/user"] = 1, ["*"] = 1 };
        IReadOnlyDictionary<string, long> second = new Dictionary<string, long> { ["shop-a"] = 1, ["shop-b"] = 4 };

        var all = LiveStats.Sum([first, second], null, LiveStats.ClusterScope, At);
        var shopA = LiveStats.Sum([first, second], "shop-a", LiveStats.ClusterScope, At);
        var quiet = LiveStats.Sum([first, second], "shop-c", LiveStats.InstanceScope, At);

        Assert.Equal([new ShopClients("shop-a", 4, 1), new ShopClients("shop-b", 4, 0)], all.Shops);
        Assert.Equal((2, 9L, (long?)1), (all.Instances, all.Total, all.AllShopsClients));
        Assert.Equal([new ShopClients("shop-a", 4, 1)], shopA.Shops);
        Assert.Equal((4L, (long?)null), (shopA.Total, shopA.AllShopsClients));
        Assert.Equal([new ShopClients("shop-c", 0, 0)], quiet.Shops);
        Assert.Equal("instance", quiet.Scope);
    }

    [Theory]
    [InlineData("", "*")]
    [InlineData("shop-a", "shop-a")]
    [InlineData("shop-a/user:u:1", "shop-a/user")]
    public void Rooms_count_by_kind(string room, string field) => Assert.Equal(field, LiveRooms.CountField(room));

    private static LiveEnvelope Envelope(string shop, string? user) =>
        new(shop, LiveTypes.PaymentReceived, "{}"u8.ToArray()) { UserId = user };
}
