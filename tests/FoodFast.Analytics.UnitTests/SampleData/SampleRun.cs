using System.Text.Json;
using FoodFast.Analytics.Core.Events;
using FoodFast.Analytics.Core.Orders;
using FoodFast.Analytics.Core.Wire;
using FoodFast.Analytics.SampleData.Generation;
using FoodFast.Analytics.SampleData.Output;

namespace FoodFast.Analytics.UnitTests.SampleData;

/// <summary>A small generated data set, written by the real file target and read back with the wire options.</summary>
public sealed class SampleRun : IDisposable
{
    public static readonly DateTimeOffset Until = new(2026, 11, 20, 18, 30, 0, TimeSpan.Zero);

    public static GeneratorSettings Settings(int seed = 7) => new()
    {
        Shops = 3,
        Customers = 1500,
        Products = 120,
        Days = 10,
        OrdersPerDay = 40,
        EventsPerOrder = 60,
        Seed = seed,
        Until = Until,
    };

    private SampleRun(string folder, List<Order> orders, List<ActivityEvent> events, RunStatistics statistics)
    {
        Folder = folder;
        Orders = orders;
        Events = events;
        Statistics = statistics;
    }

    public string Folder { get; }
    public List<Order> Orders { get; }
    public List<ActivityEvent> Events { get; }
    public RunStatistics Statistics { get; }

    public static async Task<SampleRun> WriteAsync(GeneratorSettings settings)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ff-sample-" + Guid.NewGuid().ToString("N"));
        RunStatistics statistics;
        await using (var target = new FileTarget(folder))
        {
            statistics = await SampleDataRun.ExecuteAsync(new SampleDataGenerator(settings), target, new RatePacer(null), null, CancellationToken.None);
        }
        return new SampleRun(folder, Read<Order>(Path.Combine(folder, FileTarget.OrdersFile)), Read<ActivityEvent>(Path.Combine(folder, FileTarget.EventsFile)), statistics);
    }

    public static List<T> Read<T>(string path) =>
        File.ReadLines(path).Select(line => JsonSerializer.Deserialize<T>(line, WireJson.Options)!).ToList();

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

/// <summary>One data set shared by the tests of a class (generating it is the slow part).</summary>
public sealed class SampleRunFixture : IAsyncLifetime
{
    public SampleRun Run { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Run = await SampleRun.WriteAsync(SampleRun.Settings());

    public ValueTask DisposeAsync()
    {
        Run.Dispose();
        return ValueTask.CompletedTask;
    }
}
