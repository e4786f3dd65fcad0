using FoodFast.Analytics.Api.Hosting;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Redis;
using FoodFast.Analytics.ServiceData;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FoodFast.Analytics.Api.Health;

/// <summary>
/// <c>/health/live</c>: the process answers. <c>/health/ready</c>: every dependency, with status and latency.
/// Postgres or the analytics store down is Unhealthy; Redis down is Degraded (queries fall through to the
/// store), and both answer 503 by default so a balancer stops sending traffic (<c>Health:DegradedStatusCode</c>).
/// </summary>
internal static class HealthApi
{
    /// <summary>Checks with this tag make up <c>/health/ready</c>.</summary>
    internal const string ReadyTag = "ready";
    private static readonly HttpMethodMetadata ReadOnly = new(["GET", "HEAD"]);

    public static IServiceCollection AddDependencyHealthChecks(this IServiceCollection services)
    {
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section);
        services.AddHealthChecks()
            .AddCheck<PostgresHealth>("postgres", HealthStatus.Unhealthy, [ReadyTag])
            .AddCheck<RedisHealth>("redis", HealthStatus.Degraded, [ReadyTag])
            .AddCheck<AnalyticsStoreHealth>("analytics_store", HealthStatus.Unhealthy, [ReadyTag])
            .AddCheck<StorageBootstrapper>("schema", HealthStatus.Unhealthy, [ReadyTag]);
        return services;
    }

    public static void MapHealthApi(this WebApplication app)
    {
        var degraded = app.Configuration.GetSection(HealthOptions.Section).Get<HealthOptions>()?.DegradedStatusCode ?? 503;
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthReportWriter.WriteAsync })
            .WithMetadata(ReadOnly).WithTags("Health").WithSummary("Liveness: the process answers.");
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = HealthReportWriter.WriteAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = degraded,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).WithMetadata(ReadOnly).WithTags("Health").WithSummary("Readiness: Postgres, Redis and the analytics store, each with status and latency.");
    }

    private sealed class AnalyticsStoreHealth(IAnalyticsStore store) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var result = await store.CheckAsync(cancellationToken);
            var data = new Dictionary<string, object>(result.Data) { ["backend"] = store.Backend };
            return new HealthCheckResult(result.Status, result.Description, result.Exception, data);
        }
    }
}

/// <summary><c>Health</c> section.</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>HTTP status of <c>/health/ready</c> when only a non-essential dependency (Redis) is down. Default 503; 200 keeps the instance in rotation.</summary>
    public int DegradedStatusCode { get; set; } = StatusCodes.Status503ServiceUnavailable;
}
