namespace FoodFast.Analytics.Redis;

/// <summary>Redis connection (<c>Redis</c> section).</summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>StackExchange.Redis configuration string, e.g. <c>127.0.0.1:56379</c>. Empty: no Redis (in-memory cache, single instance).</summary>
    public string Configuration { get; set; } = "";

    /// <summary>Prefix of every key and channel, so several environments (or test runs) can share one Redis. Default <c>ff:</c>.</summary>
    public string KeyPrefix { get; set; } = "ff:";
}
