using System.Diagnostics;

namespace FoodFast.Analytics.SampleData.Output;

/// <summary>Keeps a run at or under <c>--rate</c> items per second by sleeping whenever it gets ahead of schedule.</summary>
public sealed class RatePacer(double? itemsPerSecond)
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private long items;

    public async ValueTask PaceAsync(CancellationToken cancellationToken)
    {
        items++;
        if (itemsPerSecond is not { } rate)
        {
            return;
        }
        var ahead = TimeSpan.FromSeconds(items / rate) - clock.Elapsed;
        // Sleeping for less than this costs more than it evens out.
        if (ahead > TimeSpan.FromMilliseconds(15))
        {
            await Task.Delay(ahead, cancellationToken);
        }
    }
}
