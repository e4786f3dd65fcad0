using FoodFast.Analytics.Core.Recommendations;
using static FoodFast.Analytics.IntegrationTests.Contract.RecommendationData;

namespace FoodFast.Analytics.IntegrationTests.Contract;

/// <summary>Bought together and trending on <see cref="RecommendationData"/>, scored by hand there.</summary>
public abstract partial class AnalyticsStoreContract
{
    private static string[] Rows(IEnumerable<BoughtTogetherItem> items) =>
        items.Select(i => $"{i.ProductId}|{i.ProductName}|{i.Category}|{i.Orders}|{i.Support:0.####}|{i.Confidence:0.####}|{i.Lift:0.####}").ToArray();

    [Fact]
    public async Task Bought_together_scores_pairs_by_lift_with_support_and_confidence()
    {
        var store = await StoreAsync();

        var counts = await store.Recommendations.PairsAsync(new BoughtTogetherQuery("shop-r", "p1", From, To, MinSupport: 2, Limit: 10), Ct);

        Assert.Equal((8L, 4L), (counts.Orders, counts.OrdersWithProduct));
        Assert.Equal(["p3|Vanilla ice cream|ice_cream|2|0.25|0.5|1.3333", "p2|Cola|beverages|2|0.25|0.5|1"], Rows(BoughtTogether.Score(counts, 10)));
    }

    [Fact]
    public async Task A_lower_minimum_support_lets_rarer_pairs_in_and_the_limit_cuts_after_ordering()
    {
        var store = await StoreAsync();

        var counts = await store.Recommendations.PairsAsync(new BoughtTogetherQuery("shop-r", "p1", From, To, MinSupport: 1, Limit: 10), Ct);

        Assert.Equal(["p3|Vanilla ice cream|ice_cream|2|0.25|0.5|1.3333", "p2|Cola|beverages|2|0.25|0.5|1", "p4|Lemonade|beverages|1|0.125|0.25|1"],
            Rows(BoughtTogether.Score(counts, 10)));
        Assert.Equal(["p3", "p2"], BoughtTogether.Score(counts, 2).Select(i => i.ProductId));
    }

    [Fact]
    public async Task Bought_together_never_crosses_shops_and_an_unknown_product_has_no_pairs()
    {
        var store = await StoreAsync();

        var shopS = await store.Recommendations.PairsAsync(new BoughtTogetherQuery("shop-s", "p1", From, To, 1, 10), Ct);
        var unknown = await store.Recommendations.PairsAsync(new BoughtTogetherQuery("shop-r", "nope", From, To, 1, 10), Ct);

        Assert.Equal(["p9|Espresso|hot_drinks|1|1|1|1"], Rows(BoughtTogether.Score(shopS, 10)));
        Assert.Equal((8L, 0L, 0), (unknown.Orders, unknown.OrdersWithProduct, unknown.Candidates.Count));
    }

    [Fact]
    public async Task Trending_compares_units_with_the_previous_equal_window()
    {
        var store = await StoreAsync();

        var units = await store.Recommendations.UnitsAsync(new TrendingQuery("shop-r", To, TimeSpan.FromDays(7)), Ct);

        Assert.Equal(["p1|5|3", "p2|4|1", "p3|3|6", "p4|1|4", "p5|0|2"], units.OrderBy(u => u.ProductId, StringComparer.Ordinal).Select(u => $"{u.ProductId}|{u.PreviousUnits}|{u.RecentUnits}"));
        Assert.Equal(["p4|Lemonade|beverages|4|1|4", "p3|Vanilla ice cream|ice_cream|6|3|2"],
            Trending.Rising(units, 10).Select(p => $"{p.ProductId}|{p.ProductName}|{p.Category}|{p.RecentUnits}|{p.PreviousUnits}|{p.Ratio:0.####}"));
        Assert.Equal(["p5|2|"], Trending.New(units, 10).Select(p => $"{p.ProductId}|{p.RecentUnits}|{p.Ratio}"));
    }
}
