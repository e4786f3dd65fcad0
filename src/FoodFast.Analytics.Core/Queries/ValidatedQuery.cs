using FoodFast.Analytics.Core.Queries.Catalogue;

namespace FoodFast.Analytics.Core.Queries;

/// <summary>
/// A query checked against the catalogue, with its names resolved. What backends compile: they compute
/// <see cref="BaseMetrics"/> per bucket and group; everything else (derived metrics, empty buckets, sort,
/// comparison) is done once, in <see cref="QueryEngine"/>.
/// </summary>
/// <param name="RankIndex">Which of <see cref="BaseMetrics"/> ranks groups for a top-N: the sort metric's, else the first metric's (a derived metric ranks by its numerator).</param>
public sealed record ValidatedQuery(
    AnalyticsQuery Query,
    TimeZoneInfo Zone,
    IReadOnlyList<MetricDefinition> Metrics,
    IReadOnlyList<MetricDefinition> BaseMetrics,
    IReadOnlyList<DimensionDefinition> GroupBy,
    IReadOnlyList<(DimensionDefinition Dimension, DimensionFilter Filter)> Filters,
    int RankIndex)
{
    public string Dataset => Query.Dataset;
    public TimeBucket? Bucket => Query.Bucket;

    /// <summary>The same question over another range (for comparisons).</summary>
    public ValidatedQuery Over(DateTimeOffset from, DateTimeOffset to) => this with { Query = Query with { From = from, To = to } };
}

/// <summary>What a backend answers: one row per bucket and group, base metrics in <see cref="ValidatedQuery.BaseMetrics"/> order.</summary>
/// <param name="Bucket">Bucket key in the query's time zone (<c>2026-11-21</c>, or <c>2026-11-21T14:00</c> for hours); null without a bucket.</param>
/// <param name="Keys">Group-by values in <see cref="ValidatedQuery.GroupBy"/> order; <see cref="AggregateRow.Other"/> for the folded rest of a top-N.</param>
/// <param name="Labels">Readable names beside keys that have one (product name), else null.</param>
public sealed record AggregateRow(string? Bucket, IReadOnlyList<string?> Keys, IReadOnlyList<string?> Labels, IReadOnlyList<decimal> Values)
{
    public const string Other = "other";
}

/// <param name="Approximate">True when a backend estimated a distinct count (Elasticsearch cardinality above its precision threshold).</param>
public sealed record AggregateTable(IReadOnlyList<AggregateRow> Rows, bool Approximate)
{
    /// <summary>The whole hours of the range were read from pre-aggregated rollups (the partial hours at its edges from the rows).</summary>
    public bool FromRollups { get; init; }
}
