using FoodFast.Analytics.Elasticsearch.Connection;
using FoodFast.Analytics.Elasticsearch.Exports;
using FoodFast.Analytics.Elasticsearch.Indices;
using FoodFast.Analytics.Elasticsearch.Query;
using Microsoft.Extensions.Logging.Abstractions;

namespace FoodFast.Analytics.UnitTests.Elasticsearch.Support;

/// <summary>The query faces of the store over one client, wired as the service collection does.</summary>
public static class TestQueries
{
    public static ElasticsearchQueries Aggregates(ClusterClient client, IndexNames names) =>
        new(new AggregationSearch(client, names), new NewCustomers(client, names));

    public static ElasticsearchQueryFamilies Families(ClusterClient client, IndexNames names)
    {
        var newCustomers = new NewCustomers(client, names);
        return new(new FunnelScan(client, names, NullLogger<FunnelScan>.Instance),
            new RetentionCohorts(client, names, newCustomers), new RfmSegments(client, names), new StockLevels(client, names), new FullTextSearch(client, names));
    }

    public static ElasticsearchExportSource Exports(ClusterClient client, IndexNames names, int pageSize = 5000) =>
        new(client, names, NullLogger<ElasticsearchExportSource>.Instance) { PageSize = pageSize };
}
