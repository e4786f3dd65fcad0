using FoodFast.Analytics.Elasticsearch.Connection;
using FoodFast.Analytics.Elasticsearch.Exports;
using FoodFast.Analytics.Elasticsearch.Indices;
using FoodFast.Analytics.Elasticsearch.Queries;
using Microsoft.Extensions.Logging.Abstractions;

namespace FoodFast.Analytics.UnitTests.Elasticsearch.Support;

/// <summary>The query faces of the store over one client, wired as the service collection does.</summary>
public static class TestQueries
{
    public static ElasticsearchQueries Aggregates(ClusterClient client, IndexNames names) =>
        new(new AggregationSearch(new CompositePager(client), names), new NewCustomers(new CompositePager(client), names));

    public static ElasticsearchQueryFamilies Families(ClusterClient client, IndexNames names)
    {
        var pager = new CompositePager(client);
        var newCustomers = new NewCustomers(pager, names);
        return new(new FunnelScan(client, names, NullLogger<FunnelScan>.Instance),
            new RetentionCohorts(pager, names, newCustomers), new RfmSegments(pager, names), new StockLevels(pager, names), new FullTextSearch(pager, names), new ShopSummaries(pager, names));
    }

    public static FoodFast.Analytics.Elasticsearch.Recommendations.ElasticsearchRecommendations Recommendations(ClusterClient client, IndexNames names) =>
        new(new CompositePager(client), names);

    public static ElasticsearchExportSource Exports(ClusterClient client, IndexNames names, int pageSize = 5000) =>
        new(client, names, NullLogger<ElasticsearchExportSource>.Instance) { PageSize = pageSize };
}
