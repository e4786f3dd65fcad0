using FoodFast.Analytics.Core.Auditing;
using FoodFast.Analytics.Core.Ingestion;
using FoodFast.Analytics.ServiceData.Auditing;
using FoodFast.Analytics.ServiceData.Dashboards;
using FoodFast.Analytics.ServiceData.Ingestion;
using FoodFast.Analytics.ServiceData.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FoodFast.Analytics.ServiceData;

public static class ServiceDataSetup
{
    /// <summary>
    /// The service database (always Postgres, whatever the analytics backend): its data source, the ingest log,
    /// <see cref="ServiceDbContext"/> (scoped, and as a factory for singletons and background work), and the stores
    /// written through it.
    /// </summary>
    public static IServiceCollection AddServiceDatabase(this IServiceCollection services)
    {
        services.AddOptions<ServiceDatabaseOptions>().BindConfiguration(ServiceDatabaseOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => IsValidConnectionString(o.ConnectionString), "Postgres:ConnectionString is not a valid Npgsql connection string")
            .ValidateOnStart();
        services.AddSingleton(sp => new ServiceDatabase(
            new NpgsqlDataSourceBuilder(sp.GetRequiredService<IOptions<ServiceDatabaseOptions>>().Value.ConnectionString).Build()));
        services.AddSingleton<IIngestLog, PostgresIngestLog>();
        services.AddDbContextFactory<ServiceDbContext>((sp, options) =>
            options.UseNpgsql(sp.GetRequiredService<ServiceDatabase>().DataSource));
        services.AddSingleton<IAuditLog, PostgresAuditLog>();
        services.AddSingleton<AuditLogReader>();
        services.AddSingleton<RetentionRuns>();
        services.AddSingleton<ServiceTableRetention>();
        services.AddSingleton<DashboardStore>();
        return services;
    }

    /// <summary>Whether <paramref name="value"/> parses as an Npgsql connection string (also used for the analytics database's).</summary>
    public static bool IsValidConnectionString(string value)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(value);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
