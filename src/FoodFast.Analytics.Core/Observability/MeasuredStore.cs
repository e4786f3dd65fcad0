using System.Diagnostics;
using FoodFast.Analytics.Core.Storage;

namespace FoodFast.Analytics.Core.Observability;

/// <summary>
/// The analytics store with every face's calls timed into <c>foodfast_store_query_duration_seconds</c> by family (the
/// step), and each failure of the store counted in <c>foodfast_dependency_errors_total</c>. The sink is timed by the
/// indexer (per batch) and exports by the report runs, so they pass straight through.
/// </summary>
public sealed class MeasuredStore(IAnalyticsStore inner, FoodFastMetrics metrics) : StoreDecorator(inner)
{
    protected override async Task<T> AroundAsync<T>(string step, Func<Task<T>> call)
    {
        if (step == StoreSteps.Write)
        {
            return await call();
        }
        var clock = Stopwatch.StartNew();
        try
        {
            var result = await call();
            metrics.StoreQuery(step, clock.Elapsed, failed: false);
            return result;
        }
        catch (Exception ex)
        {
            metrics.StoreQuery(step, clock.Elapsed, failed: true);
            if (ex is DependencyFailedException failed)
            {
                metrics.DependencyError(failed.Dependency);
            }
            throw;
        }
    }
}
