using FoodFast.Analytics.SampleData.Cli;
using FoodFast.Analytics.SampleData.Generation;

namespace FoodFast.Analytics.UnitTests.SampleData;

public sealed class PlainProgressTests
{
    // Two days, all inside the event days: five events planned for every order.
    private static readonly SampleDataGenerator Generator = new(new GeneratorSettings
    {
        Days = 2, OrdersPerDay = 10, EventsPerOrder = 5, Until = DateTimeOffset.Parse("2026-11-20T18:30:00Z", System.Globalization.CultureInfo.InvariantCulture),
    });

    [Fact]
    public void A_line_gives_the_share_done_the_items_per_second_and_the_time_left()
    {
        Assert.Equal(5 * Generator.PlannedOrders, Generator.PlannedEvents);

        // Every order sent once and no event yet: a sixth of the planned items in 10 s leaves 50 s.
        var line = PlainProgress.Line(Generator, Generator.PlannedOrders, Generator.PlannedOrders, 0, TimeSpan.FromSeconds(10));

        Assert.Equal(FormattableString.Invariant($"orders 100%, events 0%: {Generator.PlannedOrders / 10.0:N0} items/s, about 50 s left"), line);
    }

    [Fact]
    public void Orders_sent_in_several_versions_count_as_that_many_items_still_to_come()
    {
        // Half the orders, each in 5 versions so far: 5 * PO/2 of 5 * PO + 5 * PO planned items is a quarter, 30 s for it.
        var half = Generator.PlannedOrders / 2;
        Assert.Equal(0, Generator.PlannedOrders % 2);

        var line = PlainProgress.Line(Generator, half, 5 * half, 0, TimeSpan.FromSeconds(30));

        Assert.EndsWith("about 1 min 30 s left", line, StringComparison.Ordinal);
        Assert.StartsWith("orders 50%, events 0%", line, StringComparison.Ordinal);
        Assert.Equal("orders 0%, events 0%: 0 items/s, time left not known yet", PlainProgress.Line(Generator, 0, 0, 0, TimeSpan.FromSeconds(1)));
    }
}
