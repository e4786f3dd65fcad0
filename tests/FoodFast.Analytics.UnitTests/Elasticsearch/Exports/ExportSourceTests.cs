using System.Globalization;
using System.Text.Json.Nodes;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Elasticsearch.Indices;
using FoodFast.Analytics.UnitTests.Elasticsearch.Support;

namespace FoodFast.Analytics.UnitTests.Elasticsearch.Exports;

/// <summary>
/// The export source against a listener that plays the documented PIT answers (docs/elasticsearch.md, "Exports (point in time)"; specification
/// <c>_global/open_point_in_time</c>, <c>_global/search</c> with <c>pit</c> and <c>search_after</c>): each page's body
/// against Golden/, the hits mapped to the records Postgres gives, and the PIT closed however the stream ends.
/// </summary>
public sealed class ExportSourceTests
{
    private static readonly DateTimeOffset From = new(2026, 10, 23, 22, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2026, 10, 26, 23, 0, 0, TimeSpan.Zero);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // As the sink writes them, trimmed to the requested _source fields; a-1's money as painless re-serialises it after an erasure (9.0).
    private const string A1 = """{"shop_id":"shop-a","order_id":"a-1","customer_id":"c1","status":"delivered","created_at":"2026-10-24T21:30:00Z","updated_at":"2026-10-26T08:00:00Z","currency":"EUR","channel":"web","payment_method":"card","country":"DE","city":"Berlin","subtotal":9.0,"discount":0,"tax":0.63,"shipping":2.00,"total":11.63,"units":2,"line_count":1}""";
    private const string A2 = """{"shop_id":"shop-a","order_id":"a-2","customer_id":"c2","status":"delivered","created_at":"2026-10-24T22:30:00Z","updated_at":"2026-10-24T22:30:00Z","currency":"EUR","channel":"ios","payment_method":"paypal","country":"DE","city":"Munich","subtotal":7.50,"discount":1.00,"tax":0.46,"shipping":0.00,"total":6.96,"units":4,"line_count":2}""";
    private const string A4 = """{"shop_id":"shop-a","order_id":"a-4","status":"cancelled","created_at":"2026-10-25T10:00:00Z","updated_at":"2026-10-25T12:00:00Z","currency":"GBP","channel":"android","payment_method":"apple_pay","country":"GB","coupon_code":"TEA10","subtotal":10.00,"discount":0.00,"tax":2.00,"shipping":3.00,"total":15.00,"units":4,"line_count":1}""";

    [Fact]
    public async Task Orders_page_with_the_golden_bodies_and_map_to_the_postgres_records()
    {
        using var node = new ScriptedNode(Cluster("ff-orders",
            Page("pit-2", Hit(A1, "[1792877400000,\"shop-a\",\"a-1\",4294967297]"), Hit(A2, "[1792881000000,\"shop-a\",\"a-2\",4294967298]")),
            Page("pit-3", Hit(A4, "[1792922400000,\"shop-a\",\"a-4\",4294967299]"))));

        var orders = await Exports(node).OrdersAsync(new ExportRange("shop-a", From, To), Ct).ToListAsync(Ct);

        Assert.Equal(["POST /ff-orders/_pit?keep_alive=5m", "POST /_search", "POST /_search", "DELETE /_pit"], Calls(node));
        Golden.AssertJson("export-orders-page-1.json", JsonNode.Parse(node.Requests[1].Body));
        Golden.AssertJson("export-orders-page-2.json", JsonNode.Parse(node.Requests[2].Body));
        Assert.Equal("""{"id":"pit-3"}""", node.Requests[3].BodyText);
        Assert.Equal(
        [
            new ExportedOrder("shop-a", "a-1", "c1", "delivered", new(2026, 10, 24, 21, 30, 0, TimeSpan.Zero), new(2026, 10, 26, 8, 0, 0, TimeSpan.Zero), "EUR", "web", "card",
                "DE", "Berlin", null, 9.00m, 0m, 0.63m, 2.00m, 11.63m, 2, 1),
            new ExportedOrder("shop-a", "a-2", "c2", "delivered", new(2026, 10, 24, 22, 30, 0, TimeSpan.Zero), new(2026, 10, 24, 22, 30, 0, TimeSpan.Zero), "EUR", "ios", "paypal",
                "DE", "Munich", null, 7.50m, 1.00m, 0.46m, 0m, 6.96m, 4, 2),
            new ExportedOrder("shop-a", "a-4", null, "cancelled", new(2026, 10, 25, 10, 0, 0, TimeSpan.Zero), new(2026, 10, 25, 12, 0, 0, TimeSpan.Zero), "GBP", "android", "apple_pay",
                "GB", null, "TEA10", 10.00m, 0m, 2.00m, 3.00m, 15.00m, 4, 1),
        ], orders);
        // Money always carries two decimals, as numeric(14, 2) reads back from Postgres: CSV and XLSX cells match.
        Assert.Equal(["9.00", "0.00", "0.63", "2.00", "11.63"], new[] { orders[0].Subtotal, orders[0].Discount, orders[0].Tax, orders[0].Shipping, orders[0].Total }
            .Select(m => m.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(TimeSpan.Zero, orders[0].CreatedAt.Offset);
    }

    [Fact]
    public async Task Order_lines_of_every_shop_sort_by_line_number_after_the_order()
    {
        const string line = """{"shop_id":"shop-a","order_id":"a-2","line_no":2,"product_id":"p1","product_name":"Käsespätzle","category":"ready_meals","brand":"FoodFast","quantity":1,"unit_price":4.5,"unit_cost":3.00,"line_total":4.50,"customer_id":"c2","status":"delivered","created_at":"2026-10-24T22:30:00Z","currency":"EUR","country":"DE","channel":"ios"}""";
        const string noCost = """{"shop_id":"shop-b","order_id":"b-1","line_no":1,"product_id":"p5","product_name":"Apfel","category":"fruit_vegetables","quantity":10,"unit_price":0.50,"line_total":5.00,"status":"paid","created_at":"2026-10-25T08:00:00Z","currency":"EUR","country":"DE","channel":"web"}""";
        using var node = new ScriptedNode(Cluster("ff-order-lines", Page("pit-2", Hit(line, "[1792881000000,\"shop-a\",\"a-2\",2]"), Hit(noCost, "[1792915200000,\"shop-b\",\"b-1\",1]")), Page("pit-3")));

        var lines = await Exports(node).OrderItemsAsync(new ExportRange(null, From, To), Ct).ToListAsync(Ct);

        Golden.AssertJson("export-order-items-page-1.json", JsonNode.Parse(node.Requests[1].Body));
        Assert.Equal(
        [
            new ExportedOrderItem("shop-a", "a-2", 2, "p1", "Käsespätzle", "ready_meals", "FoodFast", 1, 4.50m, 3.00m, 4.50m, "c2", "delivered",
                new(2026, 10, 24, 22, 30, 0, TimeSpan.Zero), "EUR", "DE", "ios"),
            new ExportedOrderItem("shop-b", "b-1", 1, "p5", "Apfel", "fruit_vegetables", null, 10, 0.50m, null, 5.00m, null, "paid",
                new(2026, 10, 25, 8, 0, 0, TimeSpan.Zero), "EUR", "DE", "web"),
        ], lines);
        Assert.Equal("4.50", lines[0].UnitPrice.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Events_keep_their_id_time_and_optional_fields()
    {
        const string search = """{"event_id":"00000000-0000-4000-8000-000000000008","shop_id":"shop-a","@timestamp":"2026-10-25T09:12:00Z","category":"search","type":"search","user_id":"u2","session_id":"s2","query":"käse","device":"ios","country":"DE"}""";
        const string cart = """{"event_id":"5b6f3c0e-8d7e-4a52-9c8e-2f8b1f7a9e10","shop_id":"shop-a","@timestamp":"2026-10-25T09:21:00.250Z","category":"product","type":"add_to_cart","user_id":"u-7","session_id":"s-9","product_id":"p-1","product_name":"Bio Hafermilch 1L","product_category":"dairy_alternatives","quantity":2,"value":4.98,"currency":"EUR","order_id":"o-1"}""";
        using var node = new ScriptedNode(Cluster("ff-events", Page("pit-2", Hit(search, "[1792919520000,\"shop-a\",\"00000000-0000-4000-8000-000000000008\"]"))));

        var events = await Exports(node, pageSize: 2).EventsAsync(new ExportRange("shop-a", From, To), Ct).ToListAsync(Ct);
        var parsed = FoodFast.Analytics.Elasticsearch.Exports.ExportRows.Event(System.Text.Json.JsonDocument.Parse(cart).RootElement);

        Golden.AssertJson("export-events-page-1.json", JsonNode.Parse(node.Requests[1].Body));
        Assert.Equal(new ExportedEvent(new Guid("00000000-0000-4000-8000-000000000008"), "shop-a", new(2026, 10, 25, 9, 12, 0, TimeSpan.Zero), "search", "search", "u2", "s2",
            null, null, null, null, null, null, null, "käse", "ios", "DE"), Assert.Single(events));
        Assert.Equal(new ExportedEvent(new Guid("5b6f3c0e-8d7e-4a52-9c8e-2f8b1f7a9e10"), "shop-a", new(2026, 10, 25, 9, 21, 0, 250, TimeSpan.Zero), "product", "add_to_cart", "u-7", "s-9",
            "p-1", "Bio Hafermilch 1L", "dairy_alternatives", 2, 4.98m, "EUR", "o-1", null, null, null), parsed);
    }

    [Fact]
    public async Task A_consumer_that_throws_still_closes_the_pit()
    {
        using var node = new ScriptedNode(Cluster("ff-orders", Page("pit-2", Hit(A1, "[1]"), Hit(A2, "[2]"))));

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in Exports(node).OrdersAsync(new ExportRange("shop-a", From, To), Ct))
            {
                throw new InvalidOperationException("the writer failed");
            }
        });

        Assert.Equal("the writer failed", ex.Message);
        Assert.Equal(["POST /ff-orders/_pit?keep_alive=5m", "POST /_search", "DELETE /_pit"], Calls(node));
        Assert.Equal("""{"id":"pit-2"}""", node.Requests[^1].BodyText);
    }

    [Fact]
    public async Task Cancelling_between_pages_closes_the_pit()
    {
        using var node = new ScriptedNode(Cluster("ff-orders", Page("pit-2", Hit(A1, "[1]"), Hit(A2, "[2]")), Page("pit-3", Hit(A4, "[3]"))));
        using var cancel = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in Exports(node).OrdersAsync(new ExportRange("shop-a", From, To), cancel.Token))
            {
                await cancel.CancelAsync();
            }
        });

        Assert.Equal(["POST /ff-orders/_pit?keep_alive=5m", "POST /_search", "DELETE /_pit"], Calls(node));
    }

    private static FoodFast.Analytics.Elasticsearch.Exports.ElasticsearchExportSource Exports(ScriptedNode node, int pageSize = 2) =>
        TestQueries.Exports(TestClients.Create(TestClients.Options(node.Url)), new IndexNames("ff"), pageSize);

    private static List<string> Calls(ScriptedNode node) => node.Requests.Select(r => $"{r.Method} {r.PathAndQuery}").ToList();

    /// <summary>An Elasticsearch 8 node: opens pit-1 on the index, answers the searches with the pages in order, acknowledges the close.</summary>
    private static Func<RecordedRequest, ScriptedResponse> Cluster(string index, params string[] pages)
    {
        var next = 0;
        return request => (request.Method, request.PathAndQuery) switch
        {
            ("POST", var path) when path == $"/{index}/_pit?keep_alive=5m" => new ScriptedResponse(200, """{"id":"pit-1","_shards":{"total":1,"successful":1,"skipped":0,"failed":0}}"""),
            ("POST", "/_search") => new ScriptedResponse(200, pages[Math.Min(Interlocked.Increment(ref next) - 1, pages.Length - 1)]),
            ("DELETE", "/_pit") => new ScriptedResponse(200, """{"succeeded":true,"num_freed":1}"""),
            _ => new ScriptedResponse(400, """{"error":"unexpected request"}"""),
        };
    }

    private static string Page(string pitId, params string[] hits) =>
        $$$"""{"pit_id":"{{{pitId}}}","took":2,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"total":{"value":0,"relation":"gte"},"max_score":null,"hits":[{{{string.Join(',', hits)}}}]}}""";

    private static string Hit(string source, string sort) =>
        $$$"""{"_index":"ff-orders-2026.10","_id":"x","_score":null,"_source":{{{source}}},"sort":{{{sort}}}}""";
}
