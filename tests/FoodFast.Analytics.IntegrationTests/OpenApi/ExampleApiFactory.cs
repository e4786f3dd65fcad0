using FoodFast.Analytics.Api.Security;
using FoodFast.Analytics.Core.Events;
using FoodFast.Analytics.Core.Orders;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.IntegrationTests.Contract;
using FoodFast.Analytics.IntegrationTests.Queries;
using FoodFast.Analytics.ServiceData.Dashboards;
using Microsoft.Extensions.DependencyInjection;

namespace FoodFast.Analytics.IntegrationTests.OpenApi;

/// <summary>
/// The contract data, plus stock levels and reviews for shop-a so the inventory and review examples have rows,
/// baskets of shop-r dated from now for the storefront example (it takes no <c>to</c>: it reads the last 7 and 90 days),
/// the saved dashboards the dashboard examples name by id, and shop-a's time zone.
/// </summary>
public sealed class ExampleApiFactory : QueryApiFactory
{
    /// <summary>Read, replaced and run by the examples (GetSavedDashboard, UpdateSavedDashboard, GetSavedDashboardData).</summary>
    private static readonly Guid SalesByDay = Guid.Parse("01a17c6d-4ba0-726b-b2a7-4de452e6b438");

    /// <summary>Removed by the DeleteSavedDashboard example, which runs before the data example: so a dashboard of its own.</summary>
    private static readonly Guid AutumnLaunch = Guid.Parse("01a06290-0200-70c6-a6a3-a4506513270e");

    private int _seeded;

    /// <summary>The GetShops example shows a shop with a zone of its own.</summary>
    protected override void Configure(IDictionary<string, string?> settings) => settings["Shops:TimeZones:shop-a"] = "Europe/Berlin";

    public new async Task<HttpClient> LoadedClientAsync()
    {
        var client = await base.LoadedClientAsync();
        if (Interlocked.Exchange(ref _seeded, 1) == 0)
        {
            var at = new DateTimeOffset(2026, 10, 25, 12, 0, 0, TimeSpan.Zero);
            ActivityEvent Event(ActivityType type, string product, int minutes) => new()
            {
                ShopId = "shop-a", EventId = Guid.NewGuid(), OccurredAt = at.AddMinutes(minutes), Type = type,
                Category = Core.Ingestion.Validation.EventReader.CategoryOf(type), ProductId = product, UserId = "u1", SessionId = "s4", Device = "web", Country = "DE",
            };
            var extra = new[]
            {
                Event(ActivityType.InventoryUpdated, "p1", 0) with { ProductName = "Käsespätzle", StockLevel = 42 },
                Event(ActivityType.InventoryUpdated, "p2", 1) with { ProductName = "Brezel", StockLevel = 7 },
                Event(ActivityType.InventoryUpdated, "p3", 2) with { ProductName = "Crème brûlée", StockLevel = 3 },
                Event(ActivityType.Review, "p1", 3) with { Rating = 5 },
                Event(ActivityType.Review, "p1", 4) with { Rating = 4 },
                Event(ActivityType.Review, "p2", 5) with { Rating = 4 },
            };
            var now = DateTimeOffset.UtcNow;
            var recent = new[]
            {
                RecommendationData.Basket("shop-r", "r-now-1", now.AddDays(-12), OrderStatus.Paid, ("p1", 1), ("p3", 1)),
                RecommendationData.Basket("shop-r", "r-now-2", now.AddDays(-10), OrderStatus.Paid, ("p2", 2)),
                RecommendationData.Basket("shop-r", "r-now-3", now.AddDays(-3), OrderStatus.Paid, ("p1", 1), ("p3", 2)),
                RecommendationData.Basket("shop-r", "r-now-4", now.AddDays(-2), OrderStatus.Delivered, ("p3", 1), ("p2", 1), ("p1", 1)),
                RecommendationData.Basket("shop-r", "r-now-5", now.AddDays(-1), OrderStatus.Paid, ("p5", 2)),
            };
            var outcomes = await Services.GetRequiredService<IAnalyticsStore>().Sink.WriteAsync(
                [.. extra.Select(SinkItem.Of), .. recent.Select(SinkItem.Of)], CancellationToken.None);
            Assert.All(outcomes, o => Assert.Equal(SinkOutcomeKind.Landed, o.Kind));
            await AddDashboardsAsync();
        }
        return client;
    }

    /// <summary>Saved by an analyst of shop-a; the example requests, sent with the admin key, may read, replace and delete them.</summary>
    private async Task AddDashboardsAsync()
    {
        var owner = $"key:{(await CreateKeyAsync(Role.Analyst, "shop-a")).Info.Id}";
        var store = Services.GetRequiredService<DashboardStore>();
        Task SaveAsync(Guid id, string name, bool isPublic, DateTimeOffset at, string widgets) => store.AddAsync(new DashboardRecord
        {
            Id = id, ShopId = "shop-a", Name = name, Owner = owner, IsPublic = isPublic, Widgets = widgets, Version = 1, CreatedAt = at, UpdatedAt = at,
        }, CancellationToken.None);
        await SaveAsync(SalesByDay, "Sales by day", true, new DateTimeOffset(2026, 10, 27, 8, 15, 0, TimeSpan.Zero), """
            [{"title": "Revenue by day", "chartType": "line",
              "query": {"dataset": "orders", "metrics": ["revenue", "order_count"], "from": "2026-10-23T22:00:00Z", "to": "2026-10-26T23:00:00Z",
                        "timeZone": "Europe/Berlin", "bucket": "day"}},
             {"title": "Top products", "chartType": "table",
              "query": {"dataset": "order_items", "metrics": ["revenue", "units"], "from": "2026-10-23T22:00:00Z", "to": "2026-10-26T23:00:00Z",
                        "timeZone": "Europe/Berlin", "groupBy": ["product"], "limit": 5}}]
            """);
        await SaveAsync(AutumnLaunch, "Autumn menu launch", false, new DateTimeOffset(2026, 9, 2, 14, 40, 0, TimeSpan.Zero), """
            [{"title": "Orders", "chartType": "kpi",
              "query": {"dataset": "orders", "metrics": ["order_count"], "from": "2026-09-01T00:00:00Z", "to": "2026-10-01T00:00:00Z",
                        "timeZone": "Europe/Berlin"}}]
            """);
    }
}
