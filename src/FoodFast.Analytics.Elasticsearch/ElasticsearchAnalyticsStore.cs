using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Elasticsearch.Connection;
using FoodFast.Analytics.Elasticsearch.Indices;
using FoodFast.Analytics.Elasticsearch.Sink;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FoodFast.Analytics.Elasticsearch;

/// <summary>
/// The analytics store on Elasticsearch 9: monthly order and order-line indices, an events data stream. Every failure of
/// the client surfaces as <see cref="ElasticsearchException"/>, Core's <see cref="DependencyFailedException"/>.
/// </summary>
public sealed class ElasticsearchAnalyticsStore(
    ClusterClient client, ClusterProbe probe, PrivilegeCheck privileges, IndexBootstrapper bootstrapper, ElasticsearchSink sink,
    Queries.ElasticsearchQueries queries, Queries.ElasticsearchQueryFamilies families, Exports.ElasticsearchExportSource exports,
    Recommendations.ElasticsearchRecommendations recommendations, Erasure.ElasticsearchCustomerErasure erasure, Retention.MonthlyOrderRetention retention)
    : IAnalyticsStore
{
    public string Backend => "elasticsearch";

    public IAnalyticsSink Sink => sink;

    public Core.Queries.IAnalyticsQueries Queries => queries;

    public Core.Queries.Families.IQueryFamilies Families => families;

    public IExportSource Exports => exports;

    public Core.Recommendations.IRecommendationSource Recommendations => recommendations;

    public Core.Erasure.ICustomerErasure Erasure => erasure;

    public Core.Retention.IAnalyticsRetention Retention => retention;

    public async Task EnsureReadyAsync(CancellationToken cancellationToken)
    {
        await probe.IdentifyAsync(cancellationToken);
        await privileges.EnsureAsync(cancellationToken);
        await bootstrapper.EnsureReadyAsync(cancellationToken);
    }

    /// <summary>Cluster health: green is Healthy, yellow Degraded (a replica missing), red or no answer Unhealthy.</summary>
    public async Task<HealthCheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            var identity = await probe.IdentifyAsync(cancellationToken);
            var health = await client.CallAsync("cluster_health", (es, ct) => es.Cluster.HealthAsync(ct), cancellationToken, maxRetries: 1);
            var status = health.Status.ToString().ToLowerInvariant();
            var description = $"Elasticsearch {identity.Version}, cluster {health.ClusterName}: {status}, {health.NumberOfNodes} node(s)";
            var data = new Dictionary<string, object>
            {
                ["cluster_name"] = health.ClusterName,
                ["version"] = identity.Version,
                ["status"] = status,
                ["number_of_nodes"] = health.NumberOfNodes,
                ["unassigned_shards"] = health.UnassignedShards,
            };
            return status switch
            {
                "green" => HealthCheckResult.Healthy(description, data),
                "yellow" => HealthCheckResult.Degraded(description, data: data),
                _ => HealthCheckResult.Unhealthy(description, data: data),
            };
        }
        catch (Exception ex) when (ex is ElasticsearchException or StoreRefusedException)
        {
            return HealthCheckResult.Unhealthy(ex.Message);
        }
        catch (OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Elasticsearch health check cancelled");
        }
    }
}
