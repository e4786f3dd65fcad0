namespace FoodFast.Analytics.Core.Queries;

/// <summary>
/// Every aggregate question the service answers: a dataset, named metrics from the catalogue, a time range
/// <c>[From, To)</c> read in an IANA time zone, an optional time bucket, group-by dimensions with an optional
/// top-N (the rest folded into an <c>other</c> row), filters, sort, limit, and a comparison period.
/// Nothing in it becomes raw SQL or DSL: names are checked against the catalogue. A JSON <c>null</c> for a list or the
/// time zone means the same as leaving it out (the validator then names what is missing).
/// </summary>
public sealed record AnalyticsQuery
{
    public string Dataset { get; init => field = value ?? Datasets.Orders; } = Datasets.Orders;
    public IReadOnlyList<string> Metrics { get; init => field = value ?? []; } = [];
    public DateTimeOffset From { get; init; }
    public DateTimeOffset To { get; init; }
    public string TimeZone { get; init => field = value ?? "UTC"; } = "UTC";
    public TimeBucket? Bucket { get; init; }
    public IReadOnlyList<string> GroupBy { get; init => field = value ?? []; } = [];

    /// <summary>Keep the N largest groups of the first group-by dimension (by the sort metric); the rest become one <c>other</c> row.</summary>
    public int? Top { get; init; }
    public IReadOnlyList<DimensionFilter> Filters { get; init => field = value ?? []; } = [];
    public IReadOnlyList<RangeFilter> Ranges { get; init => field = value ?? []; } = [];
    public QuerySort? Sort { get; init; }
    public int? Limit { get; init; }
    public ComparisonPeriod? Compare { get; init; }

    /// <summary>The shop to read. Set from the caller's scope: a caller bound to a shop can only narrow to it.</summary>
    public string? ShopId { get; init; }
}

public enum TimeBucket
{
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

public enum ComparisonPeriod
{
    PreviousPeriod,
    PreviousYear,
}

/// <summary>Rows whose dimension is (or, with <see cref="Exclude"/>, is not) one of the values.</summary>
public sealed record DimensionFilter(string Dimension, IReadOnlyList<string> Values, bool Exclude = false);

/// <summary>Rows whose numeric field lies in <c>[Min, Max]</c> (either bound optional).</summary>
public sealed record RangeFilter(string Field, decimal? Min, decimal? Max);

public sealed record QuerySort(string By, bool Descending = true);

public static class Datasets
{
    public const string Orders = "orders";
    public const string OrderItems = "order_items";
    public const string Events = "events";

    public static readonly IReadOnlyList<string> All = [Orders, OrderItems, Events];
}
