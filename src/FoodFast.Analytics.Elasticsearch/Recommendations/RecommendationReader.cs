using System.Text.Json;
using System.Text.Json.Nodes;
using FoodFast.Analytics.Core.Recommendations;
using FoodFast.Analytics.Elasticsearch.Query;

namespace FoodFast.Analytics.Elasticsearch.Recommendations;

/// <summary>Reads the answers to <see cref="RecommendationBodies"/>.</summary>
public static class RecommendationReader
{
    /// <summary>N, n(A) and the candidates (without labels) from the significant_terms answer.</summary>
    public static PairCounts Pairs(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        AggregationReader.ThrowOnPartialResults(root, "search_bought_together");
        if (!root.TryGetProperty("aggregations", out var aggs))
        {
            return new PairCounts(0, 0, []);
        }
        var together = aggs.GetProperty("together");
        var candidates = together.GetProperty("buckets").EnumerateArray()
            .Select(b => new PairCount(b.GetProperty("key").GetString()!, null, null, b.GetProperty("doc_count").GetInt64(), b.GetProperty("bg_count").GetInt64()))
            .ToList();
        return new PairCounts(together.GetProperty("bg_count").GetInt64(), together.GetProperty("doc_count").GetInt64(), candidates);
    }

    /// <summary>Name and category per product id.</summary>
    public static IReadOnlyDictionary<string, (string? Name, string? Category)> Labels(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        AggregationReader.ThrowOnPartialResults(root, "search_product_labels");
        if (!root.TryGetProperty("aggregations", out var aggs))
        {
            return new Dictionary<string, (string?, string?)>();
        }
        return aggs.GetProperty("products").GetProperty("buckets").EnumerateArray()
            .ToDictionary(b => b.GetProperty("key").GetString()!, b => (First(b, "name"), First(b, "category")), StringComparer.Ordinal);
    }

    /// <summary>One composite page of units per product.</summary>
    public static IReadOnlyList<ProductUnits> Trending(JsonElement root) =>
        root.TryGetProperty("aggregations", out var aggs)
            ? aggs.GetProperty("products").GetProperty("buckets").EnumerateArray().Select(b => new ProductUnits(
                b.GetProperty("key").GetProperty("product").GetString()!, First(b, "name"), First(b, "category"),
                Units(b, "recent"), Units(b, "previous"))).ToList()
            : [];

    private static long Units(JsonElement bucket, string window) =>
        (long)bucket.GetProperty(window).GetProperty("units").GetProperty("value").GetDouble();

    private static string? First(JsonElement bucket, string name) =>
        bucket.GetProperty(name).GetProperty("buckets").EnumerateArray().Select(b => b.GetProperty("key").GetString()).FirstOrDefault();
}
