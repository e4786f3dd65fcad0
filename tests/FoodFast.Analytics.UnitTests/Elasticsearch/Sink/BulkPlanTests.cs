using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Bulk;
using FoodFast.Analytics.Core.Orders;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Elasticsearch.Indices;
using FoodFast.Analytics.Elasticsearch.Sink;
using FoodFast.Analytics.UnitTests.Elasticsearch.Support;

namespace FoodFast.Analytics.UnitTests.Elasticsearch.Sink;

/// <summary>The typed <c>_bulk</c> actions a batch becomes, and their bodies as the client serializes them.</summary>
public sealed class BulkPlanTests
{
    private static readonly Dictionary<string, StoredOrder> NothingStored = [];
    private readonly BulkPlanner _planner = new(new IndexNames("ff"));

    [Fact]
    public void An_order_with_two_lines_and_an_event_match_the_snapshot()
    {
        var chunk = Assert.Single(_planner.Plan([SinkItem.Of(Fixtures.OrderWithTwoLines()), SinkItem.Of(Fixtures.AddToCart())], NothingStored, 5 << 20));

        Snapshots.Match("bulk-order-with-two-lines-and-event.ndjson", Body(chunk));
        Assert.Equal([0, 0, 0, 1], chunk.ActionOwners);
    }

    [Fact]
    public void An_order_that_shrank_deletes_the_stored_surplus_lines_by_id_in_the_same_request_versioned_like_its_lines()
    {
        var stored = new Dictionary<string, StoredOrder> { ["shop1:o-1001"] = new(Fixtures.Updated.AddMinutes(-5).ToUnixTimeMilliseconds(), LineCount: 4) };

        var chunk = Assert.Single(_planner.Plan([SinkItem.Of(Fixtures.OrderWithTwoLines())], stored, 5 << 20));

        Snapshots.Match("bulk-order-shrunk-from-four-lines.ndjson", Body(chunk));
        var deletes = chunk.Operations.OfType<BulkDeleteOperation>().ToList();
        Assert.Equal(["shop1:o-1001:3", "shop1:o-1001:4"], deletes.Select(d => d.Id!.ToString()));
        Assert.All(deletes, d => Assert.Equal((Fixtures.Updated.ToUnixTimeMilliseconds(), VersionType.ExternalGte), (d.Version!.Value, d.VersionType!.Value)));
    }

    [Fact]
    public void An_order_superseded_by_a_stored_newer_version_writes_nothing()
    {
        var newer = new Dictionary<string, StoredOrder> { ["shop1:o-1001"] = new(Fixtures.Updated.ToUnixTimeMilliseconds() + 1, LineCount: 1) };
        var item = SinkItem.Of(Fixtures.OrderWithTwoLines());

        Assert.True(BulkPlanner.IsSuperseded(item, newer));
        Assert.Empty(_planner.Plan([item], newer, 5 << 20));
    }

    [Fact]
    public void An_events_id_is_its_shop_and_event_id_so_two_shops_may_send_the_same_event_id()
    {
        var a = Fixtures.AddToCart();
        var b = a with { ShopId = "shop2" };

        var ids = _planner.Plan([SinkItem.Of(a), SinkItem.Of(b)], NothingStored, 5 << 20).Single().Operations.Select(o => o.Id!.ToString());

        Assert.Equal(["shop1:5b6f3c0e-8d7e-4a52-9c8e-2f8b1f7a9e10", "shop2:5b6f3c0e-8d7e-4a52-9c8e-2f8b1f7a9e10"], ids);
        // The longest shop id (64 ASCII characters) still leaves the _id far under Elasticsearch's 512-byte limit.
        Assert.Equal(101, System.Text.Encoding.UTF8.GetByteCount(IndexNames.EventId(new string('s', 64), a.EventId)));
    }

    [Fact]
    public void A_cancelled_order_records_the_update_time_of_the_version_written()
    {
        var cancelled = Fixtures.OrderWithTwoLines() with { Status = OrderStatus.Cancelled };

        var order = JsonNode.Parse(Body(_planner.Plan([SinkItem.Of(cancelled)], NothingStored, 1 << 20).Single()).Split('\n')[1])!;

        Assert.Equal("cancelled", order["status"]!.GetValue<string>());
        Assert.Equal("2026-11-12T09:25:00Z", order["cancelled_at"]!.GetValue<string>());
        Assert.Null(order["refunded_at"]);
    }

    [Fact]
    public void Orders_go_to_the_index_of_their_creation_month_whatever_their_update_time()
    {
        var december = Fixtures.OrderWithTwoLines() with { UpdatedAt = DateTimeOffset.Parse("2026-12-02T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture) };

        var action = _planner.Plan([SinkItem.Of(december)], NothingStored, 1 << 20).Single().Operations.First();

        Assert.Equal(("ff-orders-2026.11", 1796205600000L), (action.Index!.ToString(), action.Version!.Value));
    }

    [Fact]
    public void Chunks_stay_under_the_byte_limit_and_never_split_an_item()
    {
        var one = _planner.Plan([SinkItem.Of(Fixtures.OrderWithTwoLines())], NothingStored, 1 << 20).Single().Bytes;
        var batch = Enumerable.Range(1, 5).Select(i => SinkItem.Of(Fixtures.OrderWithTwoLines() with { OrderId = $"o-{1000 + i}" })).ToList();

        var chunks = _planner.Plan(batch, NothingStored, (one * 2) + 10);

        Assert.Equal([2, 2, 1], chunks.Select(c => c.Items.Count));
        Assert.All(chunks, c => Assert.True(c.Bytes <= (one * 2) + 10));
        Assert.Equal([0, 0, 0, 1, 1, 1], chunks[0].ActionOwners);
        Assert.Equal([4, 4, 4], chunks[2].ActionOwners);
    }

    [Fact]
    public void An_item_larger_than_the_limit_travels_alone()
    {
        var chunks = _planner.Plan([SinkItem.Of(Fixtures.AddToCart()), SinkItem.Of(Fixtures.OrderWithTwoLines())], NothingStored, 10);

        Assert.Equal([[0], [1, 1, 1]], chunks.Select(c => c.ActionOwners.ToArray()));
    }

    [Fact]
    public void The_stored_orders_are_read_with_one_realtime_mget_of_their_line_count()
    {
        var orders = new[] { Fixtures.OrderWithTwoLines(), Fixtures.OrderWithTwoLines() with { OrderId = "o-1002" }, Fixtures.OrderWithTwoLines() };

        Snapshots.Match("mget-stored-orders.json", InMemoryCluster.Offline().Serialize(StoredOrders.Request(new IndexNames("ff"), orders)));
    }

    private static string Body(BulkChunk chunk) =>
        InMemoryCluster.Offline().Serialize(new BulkRequest { Operations = new BulkOperationsCollection(chunk.Operations) });
}
