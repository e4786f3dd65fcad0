using System.ComponentModel.DataAnnotations;

namespace FoodFast.Analytics.Core.Caching;

/// <summary>
/// How long query results are cached (<c>Cache</c> section). A query whose range ends before
/// <c>now - SettleWindow</c> describes the settled past and is kept long; one touching the present lives seconds.
/// </summary>
public sealed class CacheOptions
{
    public const string Section = "Cache";

    /// <summary>Minutes after which the past counts as settled (late events and status changes have arrived). Default 60.</summary>
    [Range(0, 10_080, ErrorMessage = "Cache:SettleWindowMinutes must be between 0 and 10080")]
    public int SettleWindowMinutes { get; set; } = 60;

    /// <summary>Time to live of settled results, in seconds. Default 3600.</summary>
    [Range(1, 604_800, ErrorMessage = "Cache:SettledTtlSeconds must be between 1 and 604800")]
    public int SettledTtlSeconds { get; set; } = 3600;

    /// <summary>Time to live of results touching the present, in seconds. Default 10.</summary>
    [Range(0, 3600, ErrorMessage = "Cache:LiveTtlSeconds must be between 0 and 3600")]
    public int LiveTtlSeconds { get; set; } = 10;

    /// <summary>
    /// With Redis: how long an instance keeps a result in its own memory too, so a repeated question is answered
    /// without a Redis round trip (never past the result's <c>freshUntil</c>). 0 turns this near cache off. Default 5.
    /// </summary>
    [Range(0, 3600, ErrorMessage = "Cache:NearTtlSeconds must be between 0 and 3600")]
    public int NearTtlSeconds { get; set; } = 5;

    /// <summary>The near cache's budget per instance, in megabytes of result JSON; the least used entries go first. Default 64.</summary>
    [Range(1, 4096, ErrorMessage = "Cache:NearSizeMegabytes must be between 1 and 4096")]
    public int NearSizeMegabytes { get; set; } = 64;

    public TimeSpan TimeToLive(DateTimeOffset rangeEnd, DateTimeOffset now) =>
        rangeEnd <= now.AddMinutes(-SettleWindowMinutes) ? TimeSpan.FromSeconds(SettledTtlSeconds) : TimeSpan.FromSeconds(LiveTtlSeconds);
}
