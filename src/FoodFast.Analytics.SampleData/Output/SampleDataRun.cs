using FoodFast.Analytics.SampleData.Generation;

namespace FoodFast.Analytics.SampleData.Output;

/// <summary>Drives one run: generate, pace, write, count. Knows nothing about the console.</summary>
public static class SampleDataRun
{
    /// <param name="progress">Called every <paramref name="progressEvery"/> items and at the end.</param>
    public static async Task<RunStatistics> ExecuteAsync(
        SampleDataGenerator generator,
        ISampleTarget target,
        RatePacer pacer,
        Action<RunStatistics>? progress,
        CancellationToken cancellationToken,
        int progressEvery = 2000)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(pacer);
        var statistics = new RunStatistics();
        foreach (var item in generator.Generate())
        {
            cancellationToken.ThrowIfCancellationRequested();
            await pacer.PaceAsync(cancellationToken);
            await target.WriteAsync(item, cancellationToken);
            statistics.Count(item);
            if (statistics.Items % progressEvery == 0)
            {
                progress?.Invoke(statistics);
            }
        }
        await target.CompleteAsync(cancellationToken);
        progress?.Invoke(statistics);
        return statistics;
    }
}
