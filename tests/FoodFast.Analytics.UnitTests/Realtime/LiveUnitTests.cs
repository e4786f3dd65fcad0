using System.Text;
using FoodFast.Analytics.Api.Realtime;
using FoodFast.Analytics.Core.Events;
using FoodFast.Analytics.Core.Live;
using FoodFast.Analytics.Core.Orders;

namespace FoodFast.Analytics.UnitTests.Realtime;

public sealed class LiveUnitTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 21, 11, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Minute_fields_add_up_exactly_per_currency_and_product_ids_may_hold_colons()
    {
        var order = Order("GBP", new("a:b", 3, 0.10m), new("a:b", 1, 0.10m), new("p-2", 1, 19.99m));
        var (increments, names) = MinuteFields.ForOrder(order);
        var sum = new BucketSum();
        var fields = increments.Select(i => KeyValuePair.Create(i.Key, i.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Concat(names).ToList();

        MinuteFields.Accumulate(fields, sum);
        MinuteFields.Accumulate(fields, sum);

        Assert.Equal(2, sum.Orders);
        Assert.Equal(new Dictionary<string, decimal> { ["GBP"] = 2 * (0.40m + 19.99m) }, sum.Money());
        var top = sum.Top(10);
        Assert.Equal(["a:b", "p-2"], top.Select(p => p.ProductId));
        Assert.Equal(8, top[0].Units);
        Assert.Equal(2, top[0].Orders);
        Assert.Equal(0.80m, top[0].Revenue["GBP"]);
        Assert.Equal("name a:b", top[0].ProductName);
    }

    [Theory]
    [InlineData(4, new[] { "inventory.updated", "stock.low" })]
    [InlineData(5, new[] { "inventory.updated" })]
    public void Inventory_events_below_the_threshold_also_say_stock_low(int level, string[] types)
    {
        var stock = Event(ActivityType.InventoryUpdated) with { StockLevel = level };

        Assert.Equal(types, LiveMessages.Of(stock, 5, At).Select(m => m.Type));
    }

    [Fact]
    public void Payments_map_to_received_and_failed_and_page_views_say_nothing()
    {
        Assert.Equal(LiveTypes.PaymentReceived, LiveMessages.Of(Event(ActivityType.PaymentCompleted), 5, At).Single().Type);
        Assert.Equal(LiveTypes.PaymentFailed, LiveMessages.Of(Event(ActivityType.PaymentFailed), 5, At).Single().Type);
        Assert.Empty(LiveMessages.Of(Event(ActivityType.PageView), 5, At));
        Assert.Equal("payments", LiveTypes.TopicOf(LiveTypes.PaymentFailed));
    }

    [Fact]
    public void A_full_queue_drops_the_client_with_the_reason_and_stops_queueing()
    {
        var client = new LiveClient("shop-a", null, null, capacity: 2);
        for (var i = 1; i <= 4; i++)
        {
            client.Offer(Frame(i, "shop-a"));
        }

        Assert.Equal("too slow: more than 2 messages waiting", client.DropReason);
        Assert.True(client.Dropped.IsCompleted);
        Assert.Equal(2, client.Queue.Count);
    }

    [Fact]
    public void Resume_replays_only_later_frames_of_this_instance_that_the_client_wants()
    {
        var buffer = new ResumeBuffer("inst", capacity: 3);
        var client = new LiveClient("shop-a", null, new HashSet<string> { "orders" }, 10);
        buffer.Add(Frame(1, "shop-a"));
        buffer.Add(Frame(2, "shop-b"));
        buffer.Add(Frame(3, "shop-a"));
        buffer.Add(Frame(4, "shop-a", LiveTypes.AnalyticsUpdated));
        buffer.Add(Frame(5, "shop-a"));

        Assert.Equal([3L, 5L], buffer.After("inst-1", client).Select(f => f.Sequence));
        Assert.Equal([5L], buffer.After("inst-3", client).Select(f => f.Sequence));
        Assert.Empty(buffer.After("other-1", client));
        Assert.Empty(buffer.After("inst-x", client));
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("orders, payments", "orders,payments", null)]
    [InlineData("orders,gossip", null, "'gossip' is not a topic; valid: orders, analytics, inventory, payments, purchasing")]
    public void Topics_parse_or_name_the_unknown_one(string? topics, string? expected, string? problem)
    {
        var (parsed, error) = new StreamRequest(null, topics, null).ParseTopics();

        Assert.Equal(expected, parsed is null ? null : string.Join(",", parsed.Order(StringComparer.Ordinal)));
        Assert.Equal(problem, error);
    }

    private static LiveFrame Frame(long sequence, string shop, string type = LiveTypes.OrderCreated) =>
        new(sequence, $"inst-{sequence}", new LiveEnvelope(shop, type, Encoding.UTF8.GetBytes("{}")));

    private static Order Order(string currency, params (string Id, int Quantity, decimal Price)[] lines) => new()
    {
        ShopId = "shop-a", OrderId = "o-1", Status = OrderStatus.Paid, CreatedAt = At, UpdatedAt = At, Currency = currency,
        Channel = SalesChannel.Web, PaymentMethod = PaymentMethod.Card, Country = "GB",
        Subtotal = lines.Sum(l => l.Quantity * l.Price), Total = lines.Sum(l => l.Quantity * l.Price),
        Items = lines.Select(l => new OrderItem { ProductId = l.Id, ProductName = "name " + l.Id, Category = "c", Quantity = l.Quantity, UnitPrice = l.Price, LineTotal = l.Quantity * l.Price }).ToList(),
    };

    private static ActivityEvent Event(ActivityType type) => new()
    {
        ShopId = "shop-a", EventId = Guid.NewGuid(), OccurredAt = At, Category = EventCategory.Product, Type = type, ProductId = "p-1",
    };
}
