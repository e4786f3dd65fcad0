namespace FoodFast.Analytics.Core.Queries;

/// <summary>Caps on what one query may cost, answered with a 400 that names the cap.</summary>
public static class QueryLimits
{
    public const int MaxMetrics = 20;
    public const int MaxGroupBy = 3;
    public const int MaxTop = 1_000;
    public const int MaxLimit = 10_000;
    public const int MaxBuckets = 5_000;
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(3 * 366 + 1);
    public const int MaxFilterValues = 500;
}
