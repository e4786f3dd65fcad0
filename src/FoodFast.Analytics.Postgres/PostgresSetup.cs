using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Postgres.Storage;
using FoodFast.Analytics.ServiceData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Postgres;

public static class PostgresSetup
{
    /// <summary>The Postgres analytics backend.</summary>
    public static IServiceCollection AddPostgresAnalyticsStore(this IServiceCollection services)
    {
        services.AddOptions<PostgresStoreOptions>().BindConfiguration(PostgresStoreOptions.Section)
            .Validate(o => o.ConnectionString.Length == 0 || ServiceDataSetup.IsValidConnectionString(o.ConnectionString),
                "Storage:Postgres:ConnectionString is not a valid Npgsql connection string")
            .Validate(o => o.QueryWorkMemMegabytes is >= 1 and <= 2048, "Storage:Postgres:QueryWorkMemMegabytes must be between 1 and 2048")
            .ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var own = sp.GetRequiredService<IOptions<PostgresStoreOptions>>().Value.ConnectionString;
            var connectionString = own.Length > 0 ? own : sp.GetRequiredService<IOptions<ServiceDatabaseOptions>>().Value.ConnectionString;
            return new AnalyticsDatabase(connectionString);
        });
        services.AddSingleton<PostgresAnalyticsSink>();
        services.AddSingleton<Core.Ingestion.IWriteThroughStore, PostgresWriteThrough>();
        services.AddSingleton<Queries.PostgresQueries>();
        services.AddSingleton<Queries.PostgresQueryFamilies>();
        services.AddSingleton<Erasure.PostgresCustomerErasure>();
        services.AddSingleton<Retention.PostgresRetention>();
        services.AddSingleton<Exports.PostgresExportSource>();
        services.AddSingleton<Recommendations.PostgresRecommendations>();
        services.AddSingleton<PostgresAnalyticsStore>();
        services.AddSingleton<IAnalyticsStore>(sp => new PostgresFailures(sp.GetRequiredService<PostgresAnalyticsStore>()));
        return services;
    }
}
