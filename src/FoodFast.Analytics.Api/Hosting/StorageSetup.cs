using FoodFast.Analytics.Elasticsearch;
using FoodFast.Analytics.Postgres;

namespace FoodFast.Analytics.Api.Hosting;

/// <summary>Chooses the analytics backend from <c>Storage:Backend</c>; <c>ELASTICSEARCH_URL</c> sets it to Elasticsearch.</summary>
internal static class StorageSetup
{
    public const string Key = "Storage:Backend";
    private static readonly string[] Backends = ["Postgres", "Elasticsearch"];

    public static IServiceCollection AddAnalyticsStore(this IServiceCollection services, IConfiguration configuration)
    {
        var backend = configuration[Key] is { Length: > 0 } value ? value : "Postgres";
        switch (backend.ToLowerInvariant())
        {
            case "postgres":
                return services.AddPostgresAnalyticsStore();
            case "elasticsearch":
                return services.AddElasticsearchAnalyticsStore();
            default:
                throw new Microsoft.Extensions.Options.OptionsValidationException(Key, typeof(string),
                    [$"{Key} has the unknown value '{backend}'; valid values are {string.Join(", ", Backends)}"]);
        }
    }
}
