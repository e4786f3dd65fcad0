namespace FoodFast.Analytics.Core.Recommendations;

/// <param name="Support">Together / all orders: how common the pair is.</param>
/// <param name="Confidence">Together / orders with the product: P(other | product).</param>
/// <param name="Lift">Confidence / P(other): above 1, buying the product makes the other more likely.</param>
public sealed record BoughtTogetherItem(string ProductId, string? ProductName, string? Category, long Orders, decimal Support, decimal Confidence, decimal Lift);

public sealed record BoughtTogetherResult(string ProductId, long Orders, long OrdersWithProduct, int MinSupport, IReadOnlyList<BoughtTogetherItem> Products, RecommendationMeta Meta);

/// <summary>Which store answered and over which period.</summary>
public sealed record RecommendationMeta(string Backend, double TookMs, DateTimeOffset From, DateTimeOffset To);

public static class BoughtTogether
{
    /// <summary>Scores the candidates and keeps the best <c>limit</c>: lift, then pair orders, then product id.</summary>
    public static IReadOnlyList<BoughtTogetherItem> Score(PairCounts counts, int limit) =>
        counts.Candidates.Where(c => c.Together > 0 && c.OrdersWithOther > 0 && counts.OrdersWithProduct > 0)
            .Select(c =>
            {
                var confidence = (decimal)c.Together / counts.OrdersWithProduct;
                var lift = confidence / ((decimal)c.OrdersWithOther / counts.Orders);
                return new BoughtTogetherItem(c.ProductId, c.ProductName, c.Category, c.Together,
                    Round((decimal)c.Together / counts.Orders), Round(confidence), Round(lift));
            })
            .OrderByDescending(i => i.Lift).ThenByDescending(i => i.Orders).ThenBy(i => i.ProductId, StringComparer.Ordinal)
            .Take(limit).ToList();

    private static decimal Round(decimal value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);
}
