namespace FoodFast.Analytics.Core.Recommendations;

/// <summary>
/// The recommendation face of the store: the raw counts behind "bought together" and "trending". Scores and
/// rankings are computed from them in Core (<see cref="BoughtTogether"/>, <see cref="Trending"/>), the same for every backend.
/// Orders count when created in the window and not cancelled; a null shop means every shop (admin only).
/// </summary>
public interface IRecommendationSource
{
    /// <summary>How many orders there are, how many contain the product, and for every other product in those orders with at least MinSupport of them, the counts.</summary>
    Task<PairCounts> PairsAsync(BoughtTogetherQuery query, CancellationToken cancellationToken);

    /// <summary>Units per product in the recent window and in the equal window before it; products without units in either are left out.</summary>
    Task<IReadOnlyList<ProductUnits>> UnitsAsync(TrendingQuery query, CancellationToken cancellationToken);
}

/// <param name="MinSupport">The fewest orders a pair must share to be reported (rare pairs have huge, meaningless lifts).</param>
public sealed record BoughtTogetherQuery(string? ShopId, string ProductId, DateTimeOffset From, DateTimeOffset To, int MinSupport, int Limit);

/// <param name="Orders">All orders in scope (N).</param>
/// <param name="OrdersWithProduct">Orders containing the product (n(A)).</param>
/// <param name="Candidates">Other products in those orders, at least MinSupport pair orders each; backends may return more than Limit.</param>
public sealed record PairCounts(long Orders, long OrdersWithProduct, IReadOnlyList<PairCount> Candidates);

/// <param name="Together">Orders containing both (n(A∩B)).</param>
/// <param name="OrdersWithOther">Orders containing the other product (n(B)).</param>
public sealed record PairCount(string ProductId, string? ProductName, string? Category, long Together, long OrdersWithOther);

/// <summary>The recent window is [To - Window, To), the previous one [To - 2 Window, To - Window).</summary>
public sealed record TrendingQuery(string? ShopId, DateTimeOffset To, TimeSpan Window)
{
    public DateTimeOffset RecentFrom => To - Window;

    public DateTimeOffset PreviousFrom => To - Window - Window;
}

public sealed record ProductUnits(string ProductId, string? ProductName, string? Category, long RecentUnits, long PreviousUnits);
