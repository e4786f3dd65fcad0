namespace FoodFast.Analytics.Core.Hosting;

/// <summary>Start-up work that must eventually happen (a schema, a subscription, a scheduler) while a dependency may still be away.</summary>
public static class Retry
{
    /// <summary>
    /// Runs <paramref name="attempt"/> until it completes or stopping is requested. After a failure it waits
    /// <paramref name="first"/>, then twice as long after each next one, up to <paramref name="longest"/>;
    /// <paramref name="failed"/> sees each error and the wait that follows it.
    /// </summary>
    public static async Task UntilDoneAsync(Func<CancellationToken, Task> attempt, TimeSpan first, TimeSpan longest,
        Action<Exception, TimeSpan> failed, CancellationToken stoppingToken)
    {
        var delay = first;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await attempt(stoppingToken);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failed(ex, delay);
            }
            try
            {
                await Task.Delay(delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, longest.Ticks));
        }
    }
}
