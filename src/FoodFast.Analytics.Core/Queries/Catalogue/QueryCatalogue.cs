namespace FoodFast.Analytics.Core.Queries.Catalogue;

/// <summary>
/// The query model described for clients that compose queries (the app's widget editor): each dataset's metrics with
/// their definitions, its dimensions and range fields, the buckets, comparisons and limits. Read from the same
/// catalogues the validator checks against, so a client offers exactly what a query may name.
/// </summary>
public sealed record QueryCatalogue(
    IReadOnlyList<DatasetDescription> Datasets,
    IReadOnlyList<TimeBucket> Buckets,
    IReadOnlyList<ComparisonPeriod> Comparisons,
    CatalogueLimits Limits)
{
    public static QueryCatalogue Current { get; } = new(
        Queries.Datasets.All.Select(Describe).ToList(),
        Enum.GetValues<TimeBucket>(),
        Enum.GetValues<ComparisonPeriod>(),
        new CatalogueLimits(QueryLimits.MaxMetrics, QueryLimits.MaxGroupBy, QueryLimits.MaxTop, QueryLimits.MaxLimit,
            QueryLimits.MaxBuckets, (int)QueryLimits.MaxRange.TotalDays, QueryLimits.MaxFilterValues));

    private static DatasetDescription Describe(string dataset) => new(
        dataset,
        MetricCatalogue.For(dataset).Values.Select(m => new MetricDescription(m.Name, m.Kind, m.Description)).ToList(),
        DimensionCatalogue.For(dataset).Keys.ToList(),
        DimensionCatalogue.RangeFieldsFor(dataset));
}

public sealed record DatasetDescription(string Name, IReadOnlyList<MetricDescription> Metrics, IReadOnlyList<string> Dimensions, IReadOnlyList<string> RangeFields);

public sealed record MetricDescription(string Name, ValueKind Kind, string Description);

public sealed record CatalogueLimits(int Metrics, int GroupBy, int Top, int Limit, int Buckets, int RangeDays, int FilterValues);
