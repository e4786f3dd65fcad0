namespace FoodFast.Analytics.Core.Ingestion;

/// <summary>Exponential backoff with jitter: 0.5 s, 1 s, 2 s, ... capped, each randomised to 50-100% so retries spread out.</summary>
public static class RetryDelay
{
    public static TimeSpan For(int attempt, TimeSpan first, TimeSpan cap)
    {
        var exponential = first.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30));
        var capped = Math.Min(exponential, cap.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + Random.Shared.NextDouble() * 0.5));
    }
}
