using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace FoodFast.Analytics.Postgres;

/// <summary>Health of the service database, and the ping shared with the Postgres analytics store.</summary>
public sealed class PostgresHealth(ServiceDatabase database) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        PingAsync(database.DataSource, "service database", cancellationToken);

    public static async Task<HealthCheckResult> PingAsync(NpgsqlDataSource dataSource, string what, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        var where = $"{what} {builder.Host}:{builder.Port}/{builder.Database}";
        try
        {
            await using var command = dataSource.CreateCommand("select 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy(where);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"{where} unreachable: {ex.Message}");
        }
    }
}
