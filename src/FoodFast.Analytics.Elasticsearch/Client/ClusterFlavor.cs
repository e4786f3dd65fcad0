namespace FoodFast.Analytics.Elasticsearch.Client;

/// <summary>Which product answers: the few places that differ (lifecycle, field types) branch on this.</summary>
public enum ClusterFlavor
{
    Elasticsearch,
    OpenSearch,
}
