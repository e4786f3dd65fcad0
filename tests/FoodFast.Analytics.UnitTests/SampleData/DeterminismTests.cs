using System.Security.Cryptography;
using FoodFast.Analytics.SampleData.Output;

namespace FoodFast.Analytics.UnitTests.SampleData;

public sealed class DeterminismTests
{
    [Fact]
    public async Task The_same_seed_writes_byte_identical_files()
    {
        using var first = await SampleRun.WriteAsync(SampleRun.Settings(seed: 11));
        using var second = await SampleRun.WriteAsync(SampleRun.Settings(seed: 11));

        foreach (var file in new[] { FileTarget.OrdersFile, FileTarget.EventsFile })
        {
            var a = await File.ReadAllBytesAsync(Path.Combine(first.Folder, file), TestContext.Current.CancellationToken);
            var b = await File.ReadAllBytesAsync(Path.Combine(second.Folder, file), TestContext.Current.CancellationToken);
            Assert.True(a.Length > 100_000, $"{file} is only {a.Length} bytes");
            Assert.Equal(SHA256.HashData(a), SHA256.HashData(b));
        }
    }

    [Fact]
    public async Task A_different_seed_writes_different_data_of_the_same_shape()
    {
        using var first = await SampleRun.WriteAsync(SampleRun.Settings(seed: 11));
        using var second = await SampleRun.WriteAsync(SampleRun.Settings(seed: 12));

        Assert.NotEqual(first.Orders.Select(o => o.Total), second.Orders.Select(o => o.Total));
        Assert.NotEqual(first.Events.Select(e => e.EventId), second.Events.Select(e => e.EventId));
        Assert.Equal(["shop-de-berlin", "shop-fr-paris", "shop-uk-london"], second.Orders.Select(o => o.ShopId).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_statistics_count_what_was_written()
    {
        using var run = await SampleRun.WriteAsync(SampleRun.Settings(seed: 3));

        Assert.Equal(run.Orders.Count, run.Statistics.OrderVersions);
        Assert.Equal(run.Events.Count, run.Statistics.Events);
        Assert.Equal(run.Orders.Select(o => (o.ShopId, o.OrderId)).Distinct().Count(), run.Statistics.Orders);
        foreach (var (shop, figures) in run.Statistics.Shops)
        {
            var created = run.Orders.Where(o => o.ShopId == shop && o.Status == Core.Orders.OrderStatus.Created).ToList();
            Assert.Equal(created.Count, figures.Orders);
            Assert.Equal(created.Sum(o => o.Total), figures.Revenue);
        }
    }
}
