using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Elasticsearch.Client;
using FoodFast.Analytics.Elasticsearch.Indices;
using FoodFast.Analytics.Elasticsearch.Sink;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FoodFast.Analytics.Elasticsearch;

/// <summary>The analytics store on Elasticsearch (or OpenSearch 2.x): monthly order and order-line indices, an events data stream.</summary>
public sealed class ElasticsearchAnalyticsStore(
    ElasticsearchClient client, ClusterProbe probe, IndexBootstrapper bootstrapper, ElasticsearchSink sink,
    Query.ElasticsearchQueries queries, Query.ElasticsearchQueryFamilies families, Exports.ElasticsearchExportSource exports,
    Recommendations.ElasticsearchRecommendations recommendations)
    : IAnalyticsStore
{
    public string Backend => "elasticsearch";

    public IAnalyticsSink Sink => sink;

    public Core.Queries.IAnalyticsQueries Queries => queries;

    public Core.Queries.Families.IQueryFamilies Families => families;

    public IExportSource Exports => exports;

    public Core.Recommendations.IRecommendationSource Recommendations => recommendations;

    public async Task EnsureReadyAsync(CancellationToken cancellationToken)
    {
        var identity = await probe.IdentifyAsync(cancellationToken);
        await bootstrapper.EnsureReadyAsync(identity.Flavor, cancellationToken);
    }

    /// <summary>Cluster health: green is Healthy, yellow Degraded (a replica missing), red or no answer Unhealthy.</summary>
    public async Task<HealthCheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            var identity = await probe.IdentifyAsync(cancellationToken);
            var request = EsRequest.Get("_cluster/health", "cluster_health") with { MaxRetries = 1 };
            var health = await client.SendAsync(request, EsJson.Default.ClusterHealth, cancellationToken);
            var description = $"{identity.Flavor} {identity.Version}, cluster {health.ClusterName}: {health.Status}, {health.NumberOfNodes} node(s)";
            var data = new Dictionary<string, object>
            {
                ["cluster_name"] = health.ClusterName,
                ["version"] = identity.Version,
                ["status"] = health.Status,
                ["number_of_nodes"] = health.NumberOfNodes,
                ["unassigned_shards"] = health.UnassignedShards,
            };
            return health.Status switch
            {
                "green" => HealthCheckResult.Healthy(description, data),
                "yellow" => HealthCheckResult.Degraded(description, data: data),
                _ => HealthCheckResult.Unhealthy(description, data: data),
            };
        }
        catch (ElasticsearchException ex)
        {
            return HealthCheckResult.Unhealthy(ex.Message);
        }
        catch (OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Elasticsearch health check cancelled");
        }
    }
}
