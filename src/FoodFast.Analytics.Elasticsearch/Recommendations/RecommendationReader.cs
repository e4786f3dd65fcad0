using System.Text.Json;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using FoodFast.Analytics.Core.Recommendations;
using FoodFast.Analytics.Elasticsearch.Queries;

namespace FoodFast.Analytics.Elasticsearch.Recommendations;

/// <summary>Reads the typed answers (typed_keys) to <see cref="RecommendationBodies"/>.</summary>
public static class RecommendationReader
{
    /// <summary>N, n(A) and the candidates (without labels) from the significant_terms answer.</summary>
    public static PairCounts Pairs(SearchResponse<JsonElement> response)
    {
        if (response.Aggregations?.GetSignificantStringTerms("together") is not { } together)
        {
            return new PairCounts(0, 0, []);
        }
        var candidates = together.Buckets.Select(b => new PairCount(b.Key, null, null, b.DocCount, b.BgCount)).ToList();
        return new PairCounts(together.BgCount ?? 0, together.DocCount ?? 0, candidates);
    }

    /// <summary>Name and category per product id.</summary>
    public static IReadOnlyDictionary<string, (string? Name, string? Category)> Labels(SearchResponse<JsonElement> response) =>
        response.Aggregations?.GetStringTerms(RecommendationBodies.Products) is { } products
            ? products.Buckets.ToDictionary(b => (string)b.Key.Value!, b => (First(b.Aggregations), First(b.Aggregations, "category")), StringComparer.Ordinal)
            : new Dictionary<string, (string?, string?)>();

    /// <summary>One composite page of units per product.</summary>
    public static IReadOnlyList<ProductUnits> Trending(SearchResponse<JsonElement> response) =>
        CompositePager.Buckets(response, RecommendationBodies.Products).Select(b => new ProductUnits(
            (string)b.Key["product"].Value!, First(b.Aggregations), First(b.Aggregations, "category"),
            Units(b.Aggregations, "recent"), Units(b.Aggregations, "previous"))).ToList();

    private static long Units(AggregateDictionary? bucket, string window) =>
        (long)(bucket!.GetFilter(window)!.Aggregations!.GetSum("units")!.Value ?? 0);

    private static string? First(AggregateDictionary? bucket, string name = "name") =>
        bucket!.GetStringTerms(name)!.Buckets.Select(b => (string?)b.Key.Value).FirstOrDefault();
}
