using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Queries.Catalogue;
using FoodFast.Analytics.Elasticsearch.Indices;

namespace FoodFast.Analytics.Elasticsearch.Queries;

/// <summary>Where each dataset lives (read alias or data stream) and which date field places a row at each time basis.</summary>
public static class SearchTargets
{
    public static string Index(IndexNames names, string dataset) => dataset switch
    {
        Datasets.Orders => names.Orders.ReadAlias,
        Datasets.OrderItems => names.OrderLines.ReadAlias,
        _ => names.Events.ReadAlias,
    };

    public static string TimeField(string dataset, TimeBasis basis) => basis switch
    {
        TimeBasis.Refunded => "refunded_at",
        TimeBasis.Cancelled => "cancelled_at",
        _ => dataset == Datasets.Events ? "@timestamp" : "created_at",
    };
}
