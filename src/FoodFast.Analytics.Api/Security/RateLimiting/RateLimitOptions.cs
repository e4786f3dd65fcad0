namespace FoodFast.Analytics.Api.Security.RateLimiting;

/// <summary><c>Security:RateLimits</c>: one token bucket per caller and budget.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Writes of orders and events. Default: bursts of 200 requests, 100 more per second.</summary>
    public TokenBucketBudget Ingestion { get; set; } = new() { TokenLimit = 200, TokensPerPeriod = 100 };

    /// <summary>Reads: analytics, reports, admin. Default: bursts of 60 requests, 20 more per second.</summary>
    public TokenBucketBudget Queries { get; set; } = new() { TokenLimit = 60, TokensPerPeriod = 20 };
}

public sealed class TokenBucketBudget
{
    /// <summary>Most requests a caller can make at once (the bucket size).</summary>
    public int TokenLimit { get; set; } = 60;

    /// <summary>Requests added back every <see cref="ReplenishmentPeriodSeconds"/>.</summary>
    public int TokensPerPeriod { get; set; } = 20;

    /// <summary>Seconds between refills (fractions allowed). Default 1.</summary>
    public double ReplenishmentPeriodSeconds { get; set; } = 1;
}
