using System.Diagnostics;
using FoodFast.Analytics.SampleData.Generation;
using FoodFast.Analytics.SampleData.Output;

namespace FoodFast.Analytics.UnitTests.SampleData;

public sealed class RatePacerTests
{
    [Fact]
    public async Task A_rate_limit_keeps_the_run_at_or_under_that_many_items_per_second()
    {
        var settings = SampleRun.Settings(seed: 9) with { Days = 1, OrdersPerDay = 8, EventsPerOrder = 6 };
        var folder = Directory.CreateTempSubdirectory("ff-rate-").FullName;
        try
        {
            var clock = Stopwatch.StartNew();
            RunStatistics statistics;
            await using (var target = new FileTarget(folder))
            {
                statistics = await SampleDataRun.ExecuteAsync(new SampleDataGenerator(settings), target, new RatePacer(400), null, TestContext.Current.CancellationToken);
            }
            clock.Stop();

            Assert.InRange(statistics.Items, 100, 1000);
            var floor = TimeSpan.FromSeconds(statistics.Items / 400.0) - TimeSpan.FromMilliseconds(20);
            Assert.True(clock.Elapsed >= floor, $"{statistics.Items} items in {clock.Elapsed.TotalMilliseconds:N0} ms: faster than 400/s");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
