using FoodFast.Analytics.Core.Ingestion;

namespace FoodFast.Analytics.Api.Ingestion;

internal static class IngestionSetup
{
    public static IServiceCollection AddIngestion(this IServiceCollection services)
    {
        services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IndexerSignal>();
        services.AddSingleton<IngestionMetrics>();
        services.AddSingleton<Ingestor>();
        services.AddSingleton<Indexer>();
        services.AddHostedService(sp => sp.GetRequiredService<Indexer>());
        return services;
    }
}
