using System.Text.Json;
using FoodFast.Analytics.Core.Orders;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Elasticsearch;
using FoodFast.Analytics.Elasticsearch.Client;
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
    private static readonly string? Url = Environment.GetEnvironmentVariable("ELASTICSEARCH_URL");
    private readonly string _prefix = $"fftest{Guid.NewGuid():N}"[..20];
    private ServiceProvider? _services;

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
        if (string.IsNullOrEmpty(Url))
        {
            Assert.Skip("ELASTICSEARCH_URL is not set: no live cluster to test against");
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Elasticsearch:Urls"] = Url,
            ["Storage:Elasticsearch:IndexPrefix"] = _prefix,
        }).AddEnvironmentVariables().Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddElasticsearchAnalyticsStore();
        _services = services.BuildServiceProvider();
        return _services.GetRequiredService<IAnalyticsStore>();
    }

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, CancellationToken ct, string? body = null)
    {
        var request = new EsRequest(method, path, "test") { Body = body is null ? null : System.Text.Encoding.UTF8.GetBytes(body) };
        var response = await _services!.GetRequiredService<ElasticsearchClient>().SendAsync(request, ct);
        return JsonDocument.Parse(response.Body).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is null)
        {
            return;
        }
        var client = _services.GetRequiredService<ElasticsearchClient>();
        var missing = new HashSet<int> { 404 };
        string[] paths =
        [
            $"_data_stream/{_prefix}-events", $"{_prefix}-orders-*", $"{_prefix}-order-lines-*",
            $"_index_template/{_prefix}-orders", $"_index_template/{_prefix}-order-lines", $"_index_template/{_prefix}-events",
            $"_component_template/{_prefix}-settings", $"_component_template/{_prefix}-orders-mappings",
            $"_component_template/{_prefix}-order-lines-mappings", $"_component_template/{_prefix}-events-mappings",
            $"_ilm/policy/{_prefix}-events",
        ];
        foreach (var path in paths)
        {
            // Concrete index names: wildcard deletes are refused by default (action.destructive_requires_name).
            var target = path.EndsWith("-*", StringComparison.Ordinal) ? await ConcreteAsync(client, path) : path;
            if (target.Length > 0)
            {
                await client.SendAsync(new EsRequest(HttpMethod.Delete, target, "test_cleanup") { Accepted = missing }, CancellationToken.None);
            }
        }
        await _services.DisposeAsync();
    }

    private static async Task<string> ConcreteAsync(ElasticsearchClient client, string pattern)
    {
        var response = await client.SendAsync(EsRequest.Get($"{pattern}/_settings/index.provided_name", "test_cleanup"), CancellationToken.None);
        return string.Join(',', JsonDocument.Parse(response.Body).RootElement.EnumerateObject().Select(p => p.Name));
    }
}
