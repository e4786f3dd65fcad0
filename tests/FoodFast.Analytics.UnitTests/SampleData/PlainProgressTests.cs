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

        // Every order and no event yet: a sixth of the planned items in 10 s leaves 50 s.
        var line = PlainProgress.Line(Generator, Generator.PlannedOrders, 0, 1_000, TimeSpan.FromSeconds(10));

        Assert.Equal("orders 100%, events 0%: 100 items/s, about 50 s left", line);
    }

    [Fact]
    public void Minutes_are_spelled_out_and_nothing_done_yet_says_so()
    {
        var third = PlainProgress.Line(Generator, Generator.PlannedOrders * 2, 0, 90_000, TimeSpan.FromSeconds(45));

        Assert.Equal("orders 100%, events 0%: 2,000 items/s, about 1 min 30 s left", third);
        Assert.Equal("orders 0%, events 0%: 0 items/s, time left not known yet", PlainProgress.Line(Generator, 0, 0, 0, TimeSpan.FromSeconds(1)));
    }
}
