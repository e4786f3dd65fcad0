using FoodFast.Analytics.Core.Events;
using FoodFast.Analytics.SampleData.Catalogue;

namespace FoodFast.Analytics.SampleData.Generation;

/// <summary>
/// One visit to a shop: who, on what device, from when. Events are stamped a few seconds to a minute and
/// a half apart, in order, and never later than <c>until</c> (a visit still going on is cut at "now").
/// </summary>
public sealed class Session
{
    private readonly List<ActivityEvent> events = [];
    private readonly DateTimeOffset until;
    private readonly Random random;
    private DateTimeOffset clock;

    public Session(Shop shop, string sessionId, string? userId, string device, DateTimeOffset start, DateTimeOffset until, Random random)
    {
        Shop = shop;
        SessionId = sessionId;
        UserId = userId;
        Device = device;
        clock = start;
        this.until = until;
        this.random = random;
    }

    public Shop Shop { get; }
    public string SessionId { get; }
    public string? UserId { get; }
    public string Device { get; }
    public IReadOnlyList<ActivityEvent> Events => events;

    /// <summary>The next event of the visit, or null (and nothing recorded) once the visit has run past <c>until</c>.</summary>
    public ActivityEvent? Add(ActivityType type, Func<ActivityEvent, ActivityEvent>? details = null, string? url = null)
    {
        clock = clock.AddSeconds(events.Count == 0 ? 0 : 4 + random.Next(86));
        if (clock > until)
        {
            return null;
        }
        var e = new ActivityEvent
        {
            ShopId = Shop.ShopId,
            EventId = Ids.NewGuid(random),
            OccurredAt = clock,
            Category = EventKinds.CategoryOf(type),
            Type = type,
            UserId = UserId,
            SessionId = SessionId,
            Url = url,
            Device = Device,
            Country = Shop.Country,
        };
        e = details is null ? e : details(e);
        events.Add(e);
        return e;
    }

    public ActivityEvent? AddProduct(ActivityType type, Product product, int? quantity, decimal value) =>
        AddProduct(type, product.ProductId, product.Name, product.Category, quantity, value);

    public ActivityEvent? AddProduct(ActivityType type, string productId, string name, string category, int? quantity, decimal value) =>
        Add(type, e => e with
        {
            ProductId = productId,
            ProductName = name,
            ProductCategory = category,
            Quantity = quantity,
            Value = value,
            Currency = Shop.Currency,
        }, type == ActivityType.ProductView ? $"/p/{productId}" : "/cart");

    public ActivityEvent? AddValue(ActivityType type, decimal value, string url, string? orderId = null) =>
        Add(type, e => e with { Value = value, Currency = Shop.Currency, OrderId = orderId }, url);

    /// <summary>Moves every event so the last one happens at <paramref name="end"/> (a purchase ends at the order's creation).</summary>
    public IReadOnlyList<ActivityEvent> EndingAt(DateTimeOffset end)
    {
        if (events.Count == 0)
        {
            return events;
        }
        var shift = end - events[^1].OccurredAt;
        return events.Select(e => e with { OccurredAt = e.OccurredAt + shift }).ToList();
    }
}
