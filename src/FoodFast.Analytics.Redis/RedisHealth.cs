using Microsoft.Extensions.Diagnostics.HealthChecks;
using FoodFast.Analytics.Core.Observability;
using StackExchange.Redis;

namespace FoodFast.Analytics.Redis;

/// <summary>Pings Redis. Redis is a cache and a fan-out bus: when it is down the service still answers, slower.</summary>
public sealed class RedisHealth(RedisConnection connection, FoodFastMetrics metrics) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (connection.Options.Configuration.Length == 0)
        {
            return HealthCheckResult.Healthy("redis not configured: in-memory cache, one instance only");
        }
        var where = $"redis {connection.Options.Configuration}";
        try
        {
            var multiplexer = await connection.GetAsync().WaitAsync(TimeSpan.FromSeconds(3), cancellationToken);
            var latency = await multiplexer.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(3), cancellationToken);
            return HealthCheckResult.Healthy($"{where} (ping {latency.TotalMilliseconds:0.0} ms)");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            metrics.DependencyError(Dependencies.Redis);
            return new HealthCheckResult(context.Registration.FailureStatus, $"{where} unreachable: {ex.Message}");
        }
    }
}
