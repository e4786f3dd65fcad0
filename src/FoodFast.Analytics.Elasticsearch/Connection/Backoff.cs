namespace FoodFast.Analytics.Elasticsearch.Connection;

/// <summary>
/// Exponential backoff with "equal jitter": attempt n waits between half and all of min(max, initial * 2^n),
/// so concurrent clients spread out but never retry at once.
/// </summary>
public sealed record Backoff(TimeSpan Initial, TimeSpan Max)
{
    public static readonly Backoff Default = new(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10));

    public TimeSpan DelayFor(int attempt, Random random)
    {
        var ceiling = Math.Min(Max.TotalMilliseconds, Initial.TotalMilliseconds * Math.Pow(2, attempt));
        return TimeSpan.FromMilliseconds((ceiling / 2) + (random.NextDouble() * ceiling / 2));
    }
}
