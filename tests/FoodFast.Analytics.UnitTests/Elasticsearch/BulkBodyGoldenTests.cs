using System.Text;
using System.Text.Json.Nodes;
using FoodFast.Analytics.Core.Orders;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Elasticsearch.Indices;
using FoodFast.Analytics.Elasticsearch.Sink;
using FoodFast.Analytics.UnitTests.Elasticsearch.Support;

namespace FoodFast.Analytics.UnitTests.Elasticsearch;

public sealed class BulkBodyGoldenTests
{
    private readonly BulkBodyWriter _writer = new(new IndexNames("ff"));

    [Fact]
    public void An_order_with_two_lines_and_an_event_match_the_golden_ndjson()
    {
        var chunks = _writer.Write([SinkItem.Of(Fixtures.OrderWithTwoLines()), SinkItem.Of(Fixtures.AddToCart())], 5 * 1024 * 1024);

        var chunk = Assert.Single(chunks);
        var body = Encoding.UTF8.GetString(chunk.Body);
        Golden.AssertNdjson("bulk-order-with-two-lines-and-event.ndjson", body);
        Assert.Equal([0, 0, 0, 1], chunk.ActionOwners);
    }

    [Fact]
    public void The_body_is_compact_one_value_per_line_and_ends_with_a_newline()
    {
        var chunk = _writer.Write([SinkItem.Of(Fixtures.OrderWithTwoLines())], 5 * 1024 * 1024).Single();
        var body = Encoding.UTF8.GetString(chunk.Body);

        Assert.EndsWith("}\n", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", body, StringComparison.Ordinal);
        var lines = body.Split('\n');
        Assert.Equal(7, lines.Length); // 6 lines and the empty string after the final newline
        Assert.Equal("", lines[^1]);
        Assert.All(lines[..^1], line => Assert.NotNull(JsonNode.Parse(line)));
        Assert.DoesNotContain(": ", body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cancelled_order_records_the_update_time_of_the_version_written()
    {
        var cancelled = Fixtures.OrderWithTwoLines() with { Status = OrderStatus.Cancelled };

        var body = Encoding.UTF8.GetString(_writer.Write([SinkItem.Of(cancelled)], 1 << 20).Single().Body);
        var order = JsonNode.Parse(body.Split('\n')[1])!;

        Assert.Equal("cancelled", order["status"]!.GetValue<string>());
        Assert.Equal("2026-11-12T09:25:00Z", order["cancelled_at"]!.GetValue<string>());
        Assert.Null(order["refunded_at"]);
    }

    [Fact]
    public void Orders_go_to_the_index_of_their_creation_month_whatever_their_update_time()
    {
        var december = Fixtures.OrderWithTwoLines() with { UpdatedAt = DateTimeOffset.Parse("2026-12-02T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture) };

        var body = Encoding.UTF8.GetString(_writer.Write([SinkItem.Of(december)], 1 << 20).Single().Body);
        var action = JsonNode.Parse(body.Split('\n')[0])!["index"]!;

        Assert.Equal("ff-orders-2026.11", action["_index"]!.GetValue<string>());
        Assert.Equal(1796205600000, action["version"]!.GetValue<long>());
    }

    [Fact]
    public void Chunks_stay_under_the_byte_limit_and_never_split_an_item()
    {
        var one = _writer.Write([SinkItem.Of(Fixtures.OrderWithTwoLines())], 1 << 20).Single().Body.Length;
        var batch = Enumerable.Range(1, 5).Select(i => SinkItem.Of(Fixtures.OrderWithTwoLines() with { OrderId = $"o-{1000 + i}" })).ToList();

        var chunks = _writer.Write(batch, (one * 2) + 10);

        Assert.Equal([2, 2, 1], chunks.Select(c => c.ActionOwners.Distinct().Count()));
        Assert.All(chunks, c => Assert.True(c.Body.Length <= (one * 2) + 10));
        Assert.Equal([0, 0, 0, 1, 1, 1], chunks[0].ActionOwners);
        Assert.Equal([4, 4, 4], chunks[2].ActionOwners);
        Assert.All(chunks, c => Assert.EndsWith("\n", Encoding.UTF8.GetString(c.Body), StringComparison.Ordinal));
    }

    [Fact]
    public void An_item_larger_than_the_limit_travels_alone()
    {
        var chunks = _writer.Write([SinkItem.Of(Fixtures.AddToCart()), SinkItem.Of(Fixtures.OrderWithTwoLines())], 10);

        Assert.Equal(2, chunks.Count);
        Assert.Equal([0], chunks[0].ActionOwners);
        Assert.Equal([1, 1, 1], chunks[1].ActionOwners);
    }

    [Fact]
    public void The_surplus_line_query_for_a_written_and_a_stale_order_matches_the_golden_file()
    {
        var written = new WrittenOrder(Fixtures.OrderWithTwoLines(), Stale: false);
        var stale = new WrittenOrder(Fixtures.OrderWithTwoLines() with { OrderId = "o-1002" }, Stale: true, RecreatedLines: [2]);

        var request = SurplusLineCleaner.Request(new IndexNames("ff"), [written, stale]);

        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("ff-order-lines-2026.11/_delete_by_query?conflicts=proceed&ignore_unavailable=true&allow_no_indices=true", request.Path);
        Golden.AssertJson("delete-surplus-lines.json", JsonNode.Parse(request.Body));
    }
}
