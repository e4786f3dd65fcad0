using FoodFast.Analytics.Core.Events;
using FoodFast.Analytics.Core.Orders;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.IntegrationTests.Contract;
using FoodFast.Analytics.IntegrationTests.Queries;
using Microsoft.Extensions.DependencyInjection;

namespace FoodFast.Analytics.IntegrationTests.OpenApi;

/// <summary>
/// The contract data, plus stock levels and reviews for shop-a so the inventory and review examples have rows, and
/// baskets of shop-r dated from now for the storefront example (it takes no <c>to</c>: it reads the last 7 and 90 days).
/// </summary>
public sealed class ExampleApiFactory : QueryApiFactory
{
    private int _seeded;

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
        }
        return client;
    }
}
