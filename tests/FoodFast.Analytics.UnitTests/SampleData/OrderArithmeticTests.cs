using FoodFast.Analytics.Core.Orders;

namespace FoodFast.Analytics.UnitTests.SampleData;

public sealed class OrderArithmeticTests(SampleRunFixture fixture) : IClassFixture<SampleRunFixture>
{
    private static readonly Dictionary<string, (string Currency, decimal Vat)> Countries = new()
    {
        ["DE"] = ("EUR", 0.07m),
        ["FR"] = ("EUR", 0.055m),
        ["GB"] = ("GBP", 0m),
    };

    private static decimal Cents(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    [Fact]
    public void Every_line_total_is_quantity_times_unit_price_to_the_cent()
    {
        var lines = fixture.Run.Orders.SelectMany(o => o.Items).ToList();

        Assert.True(lines.Count > 5000, $"only {lines.Count} lines");
        Assert.All(lines, line =>
        {
            Assert.InRange(line.Quantity, 1, 12);
            Assert.True(line.UnitPrice > 0m);
            Assert.Equal(Cents(line.Quantity * line.UnitPrice), line.LineTotal);
            Assert.NotNull(line.UnitCost);
            Assert.InRange(line.UnitCost!.Value, 0.01m, line.UnitPrice);
        });
    }

    [Fact]
    public void Every_total_is_subtotal_minus_discount_plus_tax_plus_shipping()
    {
        Assert.All(fixture.Run.Orders, order =>
        {
            var (currency, vat) = Countries[order.Country];
            Assert.Equal(currency, order.Currency);
            Assert.Equal(order.Items.Sum(i => i.LineTotal), order.Subtotal);
            Assert.InRange(order.Discount, 0m, order.Subtotal);
            Assert.Equal(Cents((order.Subtotal - order.Discount) * vat), order.Tax);
            Assert.Equal(order.Subtotal - order.Discount + order.Tax + order.Shipping, order.Total);
            Assert.Equal(order.Discount > 0m, order.CouponCode is not null);
        });
    }

    [Fact]
    public void Nothing_happens_after_until_and_updates_never_precede_creation()
    {
        Assert.All(fixture.Run.Orders, order =>
        {
            Assert.True(order.CreatedAt <= order.UpdatedAt, $"{order.OrderId}: updated before created");
            Assert.True(order.UpdatedAt <= SampleRun.Until, $"{order.OrderId}: {order.UpdatedAt:O} is after until");
            Assert.True(order.CreatedAt >= SampleRun.Until.AddDays(-11), $"{order.OrderId}: {order.CreatedAt:O} is before the period");
        });
        Assert.All(fixture.Run.Events, e => Assert.True(e.OccurredAt <= SampleRun.Until, $"{e.Type} at {e.OccurredAt:O}"));
    }

    [Fact]
    public void Orders_come_from_several_cities_with_coordinates_near_them_and_some_customers_return()
    {
        var created = fixture.Run.Orders.Where(o => o.Status == OrderStatus.Created).ToList();

        Assert.True(created.Select(o => o.City).Distinct().Count() >= 15);
        Assert.All(created, o => Assert.InRange(o.Location!.Lat, 43.0, 56.5));
        var ordersPerCustomer = created.GroupBy(o => o.CustomerId).Select(g => g.Count()).ToList();
        Assert.Contains(1, ordersPerCustomer);
        Assert.True(ordersPerCustomer.Count(n => n >= 2) > ordersPerCustomer.Count / 10, "fewer than one customer in ten came back");
        Assert.True(ordersPerCustomer.Count(n => n == 1) > ordersPerCustomer.Count(n => n >= 4), "returning should get rarer with each order");
    }

    [Fact]
    public void Orders_peak_at_lunch_and_dinner_in_local_time()
    {
        var byHour = new int[24];
        foreach (var order in fixture.Run.Orders.Where(o => o.Status == OrderStatus.Created))
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(order.Country switch { "DE" => "Europe/Berlin", "FR" => "Europe/Paris", _ => "Europe/London" });
            byHour[TimeZoneInfo.ConvertTime(order.CreatedAt, zone).Hour]++;
        }

        Assert.True(byHour[12] > 3 * byHour[3], $"lunch {byHour[12]} vs 3am {byHour[3]}");
        Assert.True(byHour[18] > byHour[15], $"dinner {byHour[18]} vs afternoon {byHour[15]}");
        Assert.True(byHour[18] > 5 * byHour[2], $"dinner {byHour[18]} vs 2am {byHour[2]}");
    }
}
