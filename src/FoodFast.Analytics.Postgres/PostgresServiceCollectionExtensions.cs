using FoodFast.Analytics.Core.Ingestion;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Postgres.Ingestion;
using FoodFast.Analytics.Postgres.ServiceData;
using FoodFast.Analytics.Postgres.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FoodFast.Analytics.Postgres;

public static class PostgresServiceCollectionExtensions
{
    /// <summary>The service database (always Postgres, whatever the analytics backend).</summary>
    public static IServiceCollection AddServiceDatabase(this IServiceCollection services)
    {
        services.AddOptions<PostgresOptions>().BindConfiguration(PostgresOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => IsValidConnectionString(o.ConnectionString), "Postgres:ConnectionString is not a valid Npgsql connection string")
            .ValidateOnStart();
        services.AddSingleton(sp => new ServiceDatabase(Build(sp.GetRequiredService<IOptions<PostgresOptions>>().Value.ConnectionString)));
        services.AddSingleton<IIngestLog, PostgresIngestLog>();
        services.AddServiceData();
        return services;
    }

    /// <summary>The Postgres analytics backend.</summary>
    public static IServiceCollection AddPostgresAnalyticsStore(this IServiceCollection services)
    {
        services.AddOptions<PostgresStoreOptions>().BindConfiguration(PostgresStoreOptions.Section)
            .Validate(o => o.ConnectionString.Length == 0 || IsValidConnectionString(o.ConnectionString),
                "Storage:Postgres:ConnectionString is not a valid Npgsql connection string")
            .Validate(o => o.QueryWorkMemMegabytes is >= 1 and <= 2048, "Storage:Postgres:QueryWorkMemMegabytes must be between 1 and 2048")
            .ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var own = sp.GetRequiredService<IOptions<PostgresStoreOptions>>().Value.ConnectionString;
            var connectionString = own.Length > 0 ? own : sp.GetRequiredService<IOptions<PostgresOptions>>().Value.ConnectionString;
            return new AnalyticsDatabase(connectionString);
        });
        services.AddSingleton<PostgresAnalyticsSink>();
        services.AddSingleton<Queries.PostgresQueries>();
        services.AddSingleton<Queries.PostgresQueryFamilies>();
        services.AddSingleton<Core.Erasure.ICustomerErasure, Erasure.PostgresCustomerErasure>();
        services.AddSingleton<Exports.PostgresExportSource>();
        services.AddSingleton<Recommendations.PostgresRecommendations>();
        services.AddSingleton<PostgresAnalyticsStore>();
        services.AddSingleton<IAnalyticsStore>(sp => sp.GetRequiredService<PostgresAnalyticsStore>());
        return services;
    }

    private static NpgsqlDataSource Build(string connectionString) => new NpgsqlDataSourceBuilder(connectionString).Build();

    private static bool IsValidConnectionString(string value)
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
