using FoodFast.Analytics.Core.Recommendations;
using FoodFast.Analytics.Elasticsearch.Indices;
using FoodFast.Analytics.Elasticsearch.Queries;

namespace FoodFast.Analytics.Elasticsearch.Recommendations;

/// <summary>
/// Bought together: one significant_terms search on the orders, then one terms search on the order lines for the
/// candidates' names. Trending: composite pages of 1,000 products over the order lines of both windows. Exact.
/// </summary>
public sealed class ElasticsearchRecommendations(CompositePager pager, IndexNames names) : IRecommendationSource
{
    public async Task<PairCounts> PairsAsync(BoughtTogetherQuery query, CancellationToken cancellationToken)
    {
        var counts = RecommendationReader.Pairs(await pager.SearchAsync(names.Orders.ReadAlias, "search_bought_together", RecommendationBodies.BoughtTogether(query), cancellationToken));
        if (counts.Candidates.Count == 0)
        {
            return counts;
        }
        var ids = counts.Candidates.Select(c => c.ProductId).ToList();
        var labels = RecommendationReader.Labels(await pager.SearchAsync(names.OrderLines.ReadAlias, "search_product_labels", RecommendationBodies.Labels(query, ids), cancellationToken));
        return counts with
        {
            Candidates = counts.Candidates.Select(c => labels.TryGetValue(c.ProductId, out var label) ? c with { ProductName = label.Name, Category = label.Category } : c).ToList(),
        };
    }

    public async Task<IReadOnlyList<ProductUnits>> UnitsAsync(TrendingQuery query, CancellationToken cancellationToken)
    {
        var units = new List<ProductUnits>();
        await foreach (var response in pager.PagesAsync(names.OrderLines.ReadAlias, "search_trending", RecommendationBodies.Products, RecommendationBodies.Trending(query), cancellationToken))
        {
            units.AddRange(RecommendationReader.Trending(response));
        }
        return units;
    }
}
