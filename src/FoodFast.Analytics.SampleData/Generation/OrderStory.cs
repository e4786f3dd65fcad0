using FoodFast.Analytics.Core.Events;
using FoodFast.Analytics.Core.Orders;
using FoodFast.Analytics.SampleData.Catalogue;

namespace FoodFast.Analytics.SampleData.Generation;

/// <summary>
/// Everything one order brings: the visit that placed it, each status as a new version of the order,
/// the stock it takes, perhaps a review, and the browsing visits around it up to the events-per-order budget.
/// Orders older than <see cref="GeneratorSettings.EventDays"/> bring only their versions.
/// </summary>
public sealed class OrderStory(GeneratorSettings settings, ProductCatalogue catalogue, Random random)
{
    private static readonly (SalesChannel Channel, double Weight)[] Channels =
        [(SalesChannel.Web, 45), (SalesChannel.Ios, 25), (SalesChannel.Android, 22), (SalesChannel.Api, 8)];
    private static readonly int[] Ratings = [5, 5, 5, 5, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 4, 3, 3, 2, 1, 1];
    private long sessions;

    public IEnumerable<GeneratedItem> Tell(ShopState state, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(state);
        var shop = state.Shop;
        var customer = state.Customers.Next(createdAt, random);
        var items = Basket.Fill(catalogue, shop, random);
        var coupon = Coupons.Pick(customer.IsNew, random);
        var (subtotal, discount, tax, shipping, total) = Basket.Price(items, shop, coupon);
        var channel = Pick(Channels);
        var roll = random.NextDouble();
        var payment = roll < 0.027 ? PaymentOutcome.Abandoned : roll < 0.06 ? PaymentOutcome.PaidAfterFailure : PaymentOutcome.Paid;
        var order = new Order
        {
            ShopId = shop.ShopId,
            OrderId = $"o-{++state.OrdersPlaced:D7}",
            CustomerId = customer.CustomerId,
            Status = OrderStatus.Created,
            CreatedAt = createdAt,
            UpdatedAt = createdAt,
            Currency = shop.Currency,
            Channel = channel,
            PaymentMethod = Pick(Shops.PaymentMix(shop.Country)),
            Country = shop.Country,
            City = customer.City.Name,
            Location = new GeoPoint(customer.Lat, customer.Lon),
            CouponCode = discount > 0 ? coupon : null,
            Subtotal = subtotal,
            Discount = discount,
            Tax = tax,
            Shipping = shipping,
            Total = total,
            Items = items,
        };
        var device = DeviceFor(channel);
        var events = 0;
        var withEvents = settings.EventsPerOrder > 0 && createdAt >= settings.Until.AddDays(-settings.EventDays);
        if (withEvents)
        {
            var visit = NewSession(shop, customer.CustomerId, device, createdAt.AddHours(-1), DateTimeOffset.MaxValue);
            Visits.Purchase(visit, order, catalogue, customer.IsNew, payment, random);
            foreach (var e in visit.EndingAt(createdAt))
            {
                events++;
                yield return new GeneratedItem(null, e);
            }
        }

        var lifecycle = OrderLifecycle.Plan(createdAt, payment == PaymentOutcome.Abandoned, settings.Until, random);
        foreach (var (status, at) in lifecycle)
        {
            yield return new GeneratedItem(order with { Status = status, UpdatedAt = at }, null);
        }
        if (!withEvents)
        {
            yield break;
        }
        if (payment != PaymentOutcome.Abandoned)
        {
            foreach (var e in state.Inventory.Sell(order, settings.Until, random))
            {
                events++;
                yield return new GeneratedItem(null, e);
            }
        }
        if (lifecycle[^1].Status == OrderStatus.Delivered && random.NextDouble() < 0.12 && Review(shop, order, customer.CustomerId, device, lifecycle[^1].At) is { } review)
        {
            events++;
            yield return new GeneratedItem(null, review);
        }
        for (var visits = 0; events < settings.EventsPerOrder && visits < 50; visits++)
        {
            var start = createdAt.AddSeconds(random.Next(-3 * 3600, 3 * 3600));
            var userId = random.NextDouble() < 0.35 ? state.Customers.AnyKnown(random) : null;
            var browse = NewSession(shop, userId, DeviceFor(Pick(Channels)), start, settings.Until);
            Visits.Browse(browse, catalogue, random);
            foreach (var e in browse.Events)
            {
                events++;
                yield return new GeneratedItem(null, e);
            }
        }
    }

    private ActivityEvent? Review(Shop shop, Order order, string customerId, string device, DateTimeOffset deliveredAt)
    {
        var at = deliveredAt.AddHours(12 + random.Next(4 * 24));
        if (at > settings.Until)
        {
            return null;
        }
        var item = order.Items[random.Next(order.Items.Count)];
        var rating = Ratings[random.Next(Ratings.Length)];
        return NewSession(shop, customerId, device, at, settings.Until).Add(ActivityType.Review, e => e with
        {
            ProductId = item.ProductId,
            ProductName = item.ProductName,
            ProductCategory = item.Category,
            OrderId = order.OrderId,
            Rating = rating,
        }, $"/p/{item.ProductId}/reviews");
    }

    private Session NewSession(Shop shop, string? userId, string device, DateTimeOffset start, DateTimeOffset until) =>
        new(shop, $"s-{++sessions:D9}", userId, device, start, until, random);

    private string DeviceFor(SalesChannel channel) => channel switch
    {
        SalesChannel.Ios or SalesChannel.Android => "mobile",
        _ => random.NextDouble() switch { < 0.55 => "desktop", < 0.9 => "mobile", _ => "tablet" },
    };

    private T Pick<T>(IReadOnlyList<(T Value, double Weight)> choices)
    {
        var target = random.NextDouble() * choices.Sum(c => c.Weight);
        foreach (var (value, weight) in choices)
        {
            if ((target -= weight) < 0)
            {
                return value;
            }
        }
        return choices[^1].Value;
    }
}
