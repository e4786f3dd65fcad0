using FoodFast.Analytics.Core.Retention;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Elasticsearch.Connection;
using FoodFast.Analytics.Elasticsearch.Indices;
using FoodFast.Analytics.Elasticsearch.Sink;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Elasticsearch;

public static class ElasticsearchSetup
{
    /// <summary>The Elasticsearch analytics backend, configured from <c>Storage:Elasticsearch</c> and validated at start-up.</summary>
    public static IServiceCollection AddElasticsearchAnalyticsStore(this IServiceCollection services)
    {
        services.AddOptions<ElasticsearchOptions>().BindConfiguration(ElasticsearchOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ElasticsearchOptions>, ElasticsearchOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ClusterClient>();
        services.AddSingleton<ClusterProbe>();
        services.AddSingleton<PrivilegeCheck>();
        services.AddSingleton(sp => new IndexNames(sp.GetRequiredService<IOptions<ElasticsearchOptions>>().Value.IndexPrefix));
        services.AddSingleton(sp => new IndexBootstrapper(
            sp.GetRequiredService<ClusterClient>(),
            sp.GetRequiredService<IndexNames>(),
            sp.GetRequiredService<IOptions<ElasticsearchOptions>>().Value,
            sp.GetRequiredService<IOptions<RetentionOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<IndexBootstrapper>>()));
        services.AddSingleton<ElasticsearchSink>();
        services.AddSingleton<Queries.CompositePager>();
        services.AddSingleton<Queries.AggregationSearch>();
        services.AddSingleton<Queries.NewCustomers>();
        services.AddSingleton<Queries.ElasticsearchQueries>();
        services.AddSingleton<Queries.FunnelScan>();
        services.AddSingleton<Queries.RetentionCohorts>();
        services.AddSingleton<Queries.RfmSegments>();
        services.AddSingleton<Queries.FullTextSearch>();
        services.AddSingleton<Queries.StockLevels>();
        services.AddSingleton<Queries.ShopSummaries>();
        services.AddSingleton<Queries.ElasticsearchQueryFamilies>();
        services.AddSingleton<Exports.ElasticsearchExportSource>();
        services.AddSingleton<Erasure.ElasticsearchCustomerErasure>();
        services.AddSingleton<Retention.MonthlyOrderRetention>();
        services.AddSingleton<Recommendations.ElasticsearchRecommendations>();
        services.AddSingleton<Health.ElasticsearchStatusReader>();
        services.AddSingleton<ElasticsearchAnalyticsStore>();
        services.AddSingleton<IAnalyticsStore>(sp => sp.GetRequiredService<ElasticsearchAnalyticsStore>());
        return services;
    }
}
