using FoodFast.Analytics.Core.Observability;
using HealthChecks.Redis;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FoodFast.Analytics.Redis;

/// <summary>
/// Redis through AspNetCore.HealthChecks.Redis' check, on the service's own connection, described by the address it
/// reached. Redis is a cache and a fan-out bus: when it is down the service still answers, slower (the registration's
/// failure status is Degraded), and the outage counts in <c>foodfast_dependency_errors_total</c>.
/// </summary>
public sealed class RedisHealth(RedisConnection connection, FoodFastMetrics metrics) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (connection.Options.Configuration.Length == 0)
        {
            return HealthCheckResult.Healthy("redis not configured: in-memory cache, one instance only");
        }
        var where = $"redis {connection.Options.Configuration}";
        HealthCheckResult result;
        try
        {
            var multiplexer = await connection.GetAsync().WaitAsync(TimeSpan.FromSeconds(3), cancellationToken);
            result = await new RedisHealthCheck(multiplexer).CheckHealthAsync(context, cancellationToken).WaitAsync(TimeSpan.FromSeconds(3), cancellationToken);
        }
        catch (TimeoutException ex)
        {
            result = new HealthCheckResult(context.Registration.FailureStatus, ex.Message, ex);
        }
        if (result.Status == HealthStatus.Healthy)
        {
            return HealthCheckResult.Healthy(where);
        }
        metrics.DependencyError(Dependencies.Redis);
        return new HealthCheckResult(context.Registration.FailureStatus, $"{where} unreachable: {result.Exception?.Message ?? result.Description}");
    }
}
