using HealthChecks.NpgSql;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace FoodFast.Analytics.ServiceData;

/// <summary>
/// Health of the service database, and the ping shared with the Postgres analytics store: AspNetCore.HealthChecks.NpgSql's
/// check, described by which database it reached (host, port, name) so <c>/health/ready</c> says where the fault is.
/// </summary>
public sealed class PostgresHealth(ServiceDatabase database) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        PingAsync(database.DataSource, "service database", cancellationToken);

    public static async Task<HealthCheckResult> PingAsync(NpgsqlDataSource dataSource, string what, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        var where = $"{what} {builder.Host}:{builder.Port}/{builder.Database}";
        var check = new NpgSqlHealthCheck(new NpgSqlHealthCheckOptions(dataSource));
        var context = new HealthCheckContext { Registration = new HealthCheckRegistration(what, check, HealthStatus.Unhealthy, null) };
        var result = await check.CheckHealthAsync(context, cancellationToken);
        return result.Status == HealthStatus.Healthy
            ? HealthCheckResult.Healthy(where)
            : HealthCheckResult.Unhealthy($"{where} unreachable: {result.Exception?.Message ?? result.Description}");
    }
}
