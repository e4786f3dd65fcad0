using FoodFast.Analytics.Core.Events;
using FoodFast.Analytics.Core.Orders;

namespace FoodFast.Analytics.UnitTests.SampleData;

public sealed class FunnelTests(SampleRunFixture fixture) : IClassFixture<SampleRunFixture>
{
    private static readonly ActivityType[] Steps =
        [ActivityType.PageView, ActivityType.ProductView, ActivityType.AddToCart, ActivityType.CheckoutStart, ActivityType.Purchase];

    [Fact]
    public void Sessions_reaching_each_funnel_step_never_increase_and_do_drop_off()
    {
        var sessions = fixture.Run.Events.Where(e => e.SessionId is not null).GroupBy(e => e.SessionId!).ToList();
        var reached = Steps.Select(step => sessions.Count(s => s.Any(e => e.Type == step))).ToArray();

        for (var i = 1; i < reached.Length; i++)
        {
            Assert.True(reached[i] <= reached[i - 1], $"{Steps[i]} {reached[i]} > {Steps[i - 1]} {reached[i - 1]}");
        }
        Assert.True(reached[^1] < reached[0] / 2, $"purchases {reached[^1]} of {reached[0]} sessions: no drop-off");
        Assert.True(reached[3] > reached[4], "some checkouts must be abandoned");
    }

    [Fact]
    public void Within_a_session_the_steps_happen_in_funnel_order()
    {
        foreach (var session in fixture.Run.Events.Where(e => e.SessionId is not null).GroupBy(e => e.SessionId!))
        {
            var firstAt = Steps.Select(step => session.Where(e => e.Type == step).Select(e => (DateTimeOffset?)e.OccurredAt).Min()).ToArray();
            for (var i = 1; i < firstAt.Length; i++)
            {
                if (firstAt[i] is { } at)
                {
                    Assert.True(firstAt[i - 1] is { } before && before <= at, $"session {session.Key}: {Steps[i]} without an earlier {Steps[i - 1]}");
                }
            }
        }
    }

    [Fact]
    public void Exactly_the_orders_whose_payment_went_through_have_a_purchase_event_with_their_total()
    {
        var orders = fixture.Run.Orders.GroupBy(o => (o.ShopId, o.OrderId)).ToList();
        // Cancelled straight after creation: the payment failed and was given up.
        var abandoned = orders.Where(g => g.Count() > 1 && g.ElementAt(1).Status == OrderStatus.Cancelled).Select(g => g.Key).ToHashSet();
        // Created in the last 40 minutes and nothing since: too early to tell whether payment went through.
        var undecided = orders.Where(g => g.Count() == 1 && g.First().CreatedAt > SampleRun.Until.AddMinutes(-40)).Select(g => g.Key).ToHashSet();
        var purchases = fixture.Run.Events.Where(e => e.Type == ActivityType.Purchase).ToDictionary(e => (e.ShopId, e.OrderId!));

        Assert.NotEmpty(abandoned);
        Assert.Equal(
            orders.Select(g => g.Key).Where(k => !abandoned.Contains(k) && !undecided.Contains(k)).Order(),
            purchases.Keys.Where(k => !undecided.Contains(k)).Order());
        Assert.All(orders.Where(g => !abandoned.Contains(g.Key)), g =>
        {
            var purchase = purchases[g.Key];
            Assert.Equal(g.First().Total, purchase.Value);
            Assert.Equal(g.First().Currency, purchase.Currency);
            Assert.Equal(g.First().CreatedAt, purchase.OccurredAt);
        });
    }

    [Fact]
    public void Payments_fail_sometimes_and_searches_sometimes_find_nothing()
    {
        var events = fixture.Run.Events;
        int Count(ActivityType type) => events.Count(e => e.Type == type);

        Assert.InRange(Count(ActivityType.PaymentFailed), 1, Count(ActivityType.PaymentStarted) / 3);
        Assert.True(Count(ActivityType.PaymentCompleted) <= Count(ActivityType.PaymentStarted));
        var searches = events.Where(e => e.Type == ActivityType.Search).ToList();
        Assert.All(searches, s => Assert.False(string.IsNullOrWhiteSpace(s.Query)));
        Assert.InRange(searches.Count(s => s.ResultsCount == 0), 1, searches.Count / 5);
    }

    [Fact]
    public void Reviews_logins_registrations_and_low_stock_all_occur_with_valid_values()
    {
        var events = fixture.Run.Events;
        var reviews = events.Where(e => e.Type == ActivityType.Review).ToList();
        var stock = events.Where(e => e.Type == ActivityType.InventoryUpdated).ToList();

        Assert.NotEmpty(reviews);
        Assert.All(reviews, r => Assert.InRange(r.Rating!.Value, 1, 5));
        Assert.True(reviews.Average(r => r.Rating!.Value) > 3.5);
        Assert.NotEmpty(stock);
        Assert.All(stock, s => Assert.True(s.StockLevel >= 0));
        Assert.Contains(stock, s => s.StockLevel < 10);
        Assert.Contains(events, e => e.Type == ActivityType.Login);
        Assert.Equal(
            fixture.Run.Orders.Where(o => o.Status == OrderStatus.Created).GroupBy(o => o.CustomerId).Count(),
            events.Where(e => e.Type == ActivityType.Registration).Select(e => e.UserId).Distinct().Count());
        Assert.All(events, e => Assert.Equal(e.Category, e.Type switch
        {
            ActivityType.PageView or ActivityType.Search or ActivityType.Login or ActivityType.Registration => EventCategory.User,
            ActivityType.ProductView or ActivityType.AddToCart or ActivityType.RemoveFromCart or ActivityType.WishlistAdd
                or ActivityType.Review or ActivityType.InventoryUpdated => EventCategory.Product,
            _ => EventCategory.Order,
        }));
    }
}
