using FoodFast.Analytics.Core.Orders;

namespace FoodFast.Analytics.SampleData.Generation;

/// <summary>
/// The statuses an order goes through, each with the time it happened: created → paid → shipped →
/// delivered, with some orders cancelled (payment failed, or the customer changed their mind before
/// shipping) and some refunded after delivery. Steps later than <c>until</c> have not happened yet,
/// so recent orders stop part-way, as they would in a live shop.
/// </summary>
public static class OrderLifecycle
{
    public static IReadOnlyList<(OrderStatus Status, DateTimeOffset At)> Plan(
        DateTimeOffset createdAt, bool paymentAbandoned, DateTimeOffset until, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var steps = new List<(OrderStatus, DateTimeOffset)> { (OrderStatus.Created, createdAt) };
        if (paymentAbandoned)
        {
            Add(steps, OrderStatus.Cancelled, createdAt.AddMinutes(10 + random.Next(30)), until);
            return steps;
        }
        var paid = createdAt.AddSeconds(5 + random.Next(85));
        if (!Add(steps, OrderStatus.Paid, paid, until))
        {
            return steps;
        }
        if (random.NextDouble() < 0.03)
        {
            Add(steps, OrderStatus.Cancelled, paid.AddMinutes(10 + random.Next(110)), until);
            return steps;
        }
        var shipped = paid.AddMinutes(120 + random.Next(18 * 60));
        var delivered = shipped.AddMinutes(180 + random.Next(27 * 60));
        if (!Add(steps, OrderStatus.Shipped, shipped, until) || !Add(steps, OrderStatus.Delivered, delivered, until))
        {
            return steps;
        }
        if (random.NextDouble() < 0.035)
        {
            Add(steps, OrderStatus.Refunded, delivered.AddHours(24 + random.Next(4 * 24)), until);
        }
        return steps;
    }

    private static bool Add(List<(OrderStatus, DateTimeOffset)> steps, OrderStatus status, DateTimeOffset at, DateTimeOffset until)
    {
        if (at > until)
        {
            return false;
        }
        steps.Add((status, at));
        return true;
    }
}
