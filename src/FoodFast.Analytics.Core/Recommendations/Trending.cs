namespace FoodFast.Analytics.Core.Recommendations;

/// <param name="Ratio">RecentUnits / PreviousUnits; null for a product new in the recent window.</param>
public sealed record TrendingProduct(string ProductId, string? ProductName, string? Category, long RecentUnits, long PreviousUnits, decimal? Ratio);

/// <param name="Rising">Products sold in both windows whose units rose, by ratio.</param>
/// <param name="New">Products sold only in the recent window, by units (a ratio against nothing means nothing).</param>
public sealed record TrendingResult(string Window, DateTimeOffset RecentFrom, DateTimeOffset PreviousFrom, IReadOnlyList<TrendingProduct> Rising,
    IReadOnlyList<TrendingProduct> New, RecommendationMeta Meta);

public static class Trending
{
    public static IReadOnlyList<TrendingProduct> Rising(IEnumerable<ProductUnits> units, int limit) =>
        units.Where(u => u.PreviousUnits > 0 && u.RecentUnits > u.PreviousUnits)
            .Select(u => new TrendingProduct(u.ProductId, u.ProductName, u.Category, u.RecentUnits, u.PreviousUnits,
                Math.Round((decimal)u.RecentUnits / u.PreviousUnits, 4, MidpointRounding.AwayFromZero)))
            .OrderByDescending(p => p.Ratio).ThenByDescending(p => p.RecentUnits).ThenBy(p => p.ProductId, StringComparer.Ordinal)
            .Take(limit).ToList();

    public static IReadOnlyList<TrendingProduct> New(IEnumerable<ProductUnits> units, int limit) =>
        units.Where(u => u.PreviousUnits == 0 && u.RecentUnits > 0)
            .Select(u => new TrendingProduct(u.ProductId, u.ProductName, u.Category, u.RecentUnits, 0, null))
            .OrderByDescending(p => p.RecentUnits).ThenBy(p => p.ProductId, StringComparer.Ordinal)
            .Take(limit).ToList();

    /// <summary>Units per category in both windows, for rules that ask whether a category is trending.</summary>
    public static IReadOnlyDictionary<string, (long Recent, long Previous)> ByCategory(IEnumerable<ProductUnits> units) =>
        units.Where(u => u.Category is not null).GroupBy(u => u.Category!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (g.Sum(u => u.RecentUnits), g.Sum(u => u.PreviousUnits)), StringComparer.Ordinal);
}
