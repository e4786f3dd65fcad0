namespace FoodFast.Analytics.Core.Queries;

/// <summary>A typed table: columns (bucket, dimensions, metrics, and for comparisons <c>x_previous</c> and <c>x_change</c>), rows, and how fresh it is.</summary>
public sealed record QueryResult(IReadOnlyList<ResultColumn> Columns, IReadOnlyList<IReadOnlyList<ResultCell>> Rows, ResultMeta Meta);

/// <param name="Type">bucket, dimension, label, count, money, quantity, ratio, previous, change.</param>
public sealed record ResultColumn(string Name, string Type);

/// <param name="Backend">Which store answered: postgres or elasticsearch.</param>
/// <param name="TookMs">Time spent in the store for this answer (0 when served from the cache).</param>
/// <param name="Cached">Served from the query cache.</param>
/// <param name="Approximate">A distinct count was estimated by the backend.</param>
/// <param name="ComputedAt">When the store computed it.</param>
/// <param name="FreshUntil">Until when it is served from the cache without asking the store again.</param>
public sealed record ResultMeta(string Backend, double TookMs, bool Cached, bool Approximate, DateTimeOffset ComputedAt, DateTimeOffset FreshUntil, string Dataset, string TimeZone, DateTimeOffset From, DateTimeOffset To)
{
    public DateTimeOffset? CompareFrom { get; init; }
    public DateTimeOffset? CompareTo { get; init; }

    /// <summary>False when the query's shop has no order at all, so an empty answer is not mistaken for a quiet week; absent otherwise.</summary>
    public bool? ShopHasData { get; init; }

    /// <summary>
    /// <c>rollup</c> when the store read the whole hours of the range (and of the comparison period) from its hourly
    /// rollups, <c>raw</c> when it read the rows. Either way the figures are the same.
    /// </summary>
    public string Source { get; init; } = Sources.Raw;

    public static class Sources
    {
        public const string Raw = "raw";
        public const string Rollup = "rollup";
    }
}
