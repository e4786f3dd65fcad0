using System.Text.Json;
using FoodFast.Analytics.Core.Orders;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Elasticsearch;
using FoodFast.Analytics.Elasticsearch.Connection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FoodFast.Analytics.IntegrationTests.Elasticsearch;

/// <summary>
/// Bootstrap and sink against a real cluster; runs only when <c>ELASTICSEARCH_URL</c> is set (skipped otherwise).
/// Each run uses its own index prefix and removes what it created.
/// </summary>
public sealed class LiveClusterTests : IAsyncDisposable
{
    private LiveCluster? _cluster;
    private string _prefix = "";

    [Fact]
    public async Task Bootstraps_twice_and_keeps_the_newest_order_its_lines_and_one_copy_of_an_event()
    {
        var store = Store();
        var ct = TestContext.Current.CancellationToken;
        await store.EnsureReadyAsync(ct);
        await store.EnsureReadyAsync(ct); // idempotent

        var created = new DateTimeOffset(2026, 11, 12, 9, 20, 0, TimeSpan.Zero);
        var three = Order(created, created.AddMinutes(1), OrderStatus.Paid, lines: 3);
        var two = Order(created, created.AddMinutes(5), OrderStatus.Cancelled, lines: 2);
        var stale = Order(created, created.AddMinutes(2), OrderStatus.Shipped, lines: 3);
        var activity = new Core.Events.ActivityEvent
        {
            ShopId = "shop1", EventId = Guid.NewGuid(), OccurredAt = created, Category = Core.Events.EventCategory.Product,
            Type = Core.Events.ActivityType.ProductView, ProductId = "p-1",
        };

        Assert.All(await store.Sink.WriteAsync([SinkItem.Of(three), SinkItem.Of(activity)], ct), o => Assert.Equal(SinkOutcome.Landed, o));
        Assert.All(await store.Sink.WriteAsync([SinkItem.Of(two), SinkItem.Of(activity)], ct), o => Assert.Equal(SinkOutcome.Landed, o));
        Assert.All(await store.Sink.WriteAsync([SinkItem.Of(stale)], ct), o => Assert.Equal(SinkOutcome.Landed, o));
        await SendAsync(HttpMethod.Post, $"{_prefix}-*/_refresh", ct);

        var order = await SendAsync(HttpMethod.Get, $"{_prefix}-orders-2026.11/_doc/shop1:o-live", ct);
        Assert.Equal("cancelled", order.GetProperty("_source").GetProperty("status").GetString());
        Assert.Equal(2, order.GetProperty("_source").GetProperty("line_count").GetInt32());
        var lines = await SendAsync(HttpMethod.Post, $"{_prefix}-order-lines/_count", ct, """{"query":{"term":{"order_id":"o-live"}}}""");
        Assert.Equal(2, lines.GetProperty("count").GetInt32());
        var events = await SendAsync(HttpMethod.Get, $"{_prefix}-events/_count", ct);
        Assert.Equal(1, events.GetProperty("count").GetInt32());
    }

    private static Order Order(DateTimeOffset created, DateTimeOffset updated, OrderStatus status, int lines) => new()
    {
        ShopId = "shop1", OrderId = "o-live", Status = status, CreatedAt = created, UpdatedAt = updated, Currency = "EUR",
        Channel = SalesChannel.Web, PaymentMethod = PaymentMethod.Card, Country = "DE", Subtotal = lines * 2.50m, Total = lines * 2.50m,
        Items = Enumerable.Range(1, lines).Select(i => new OrderItem
        {
            ProductId = $"p-{i}", ProductName = $"Product {i}", Category = "bakery", Quantity = 1, UnitPrice = 2.50m, LineTotal = 2.50m,
        }).ToList(),
    };

    private IAnalyticsStore Store()
    {
        if (string.IsNullOrEmpty(LiveCluster.Url))
        {
            Assert.Skip(LiveCluster.NotConfigured);
        }
        _cluster = new LiveCluster();
        _prefix = _cluster.Prefix;
        return _cluster.Services.GetRequiredService<IAnalyticsStore>();
    }

    private Task<JsonElement> SendAsync(HttpMethod method, string path, CancellationToken ct, string? body = null) => _cluster!.SendAsync(method, path, ct, body);

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
