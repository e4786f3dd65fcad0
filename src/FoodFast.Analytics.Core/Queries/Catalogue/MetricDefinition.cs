namespace FoodFast.Analytics.Core.Queries.Catalogue;

/// <summary>What a metric's values are: decides formatting, and that money is never summed across currencies.</summary>
public enum ValueKind
{
    Count,
    Money,
    Quantity,
    Ratio,
}

/// <summary>Which instant places a row in time. Refunds and cancellations are booked when they happen.</summary>
public enum TimeBasis
{
    /// <summary>created_at of orders and lines, occurred_at of events.</summary>
    Primary,
    Refunded,
    Cancelled,
}

/// <summary>
/// A metric of the catalogue. A base metric is computed by the backend (a sum, a count or a distinct count
/// of one field); a derived metric is computed here from base metrics, the same way for every backend.
/// </summary>
public sealed record MetricDefinition(string Name, ValueKind Kind, string Description)
{
    public BaseAggregate? Base { get; init; }
    public Derivation? Derived { get; init; }
    public TimeBasis Basis { get; init; } = TimeBasis.Primary;

    public bool IsMoney => Kind == ValueKind.Money;
}

public enum AggregateFunction
{
    Sum,
    Count,
    CountDistinct,
}

/// <summary>An aggregate of one field of the dataset's rows (null field: the rows themselves), optionally only over rows matching <see cref="When"/>.</summary>
public sealed record BaseAggregate(AggregateFunction Function, string? Field = null, RowCondition? When = null);

/// <summary>Row conditions a base aggregate may carry; each backend knows how to express them.</summary>
public enum RowCondition
{
    /// <summary>The line has a unit cost (gross margin only counts those).</summary>
    HasUnitCost,

    /// <summary>The customer's first order of the shop falls in the same bucket as this row.</summary>
    FirstOrderInBucket,

    /// <summary>The event is a purchase (or checkout_complete).</summary>
    IsPurchase,

    /// <summary>The event carries a rating (reviews).</summary>
    HasRating,

    /// <summary>The order was shipped for free (shipping 0): the shop carries the shipping cost.</summary>
    FreeShipping,
}

/// <summary>A metric computed from others of the same row: a ratio or a difference.</summary>
public sealed record Derivation(DerivationKind Kind, string Left, string Right, string? Third = null);

public enum DerivationKind
{
    /// <summary>Left / Right, null when Right is 0.</summary>
    Ratio,

    /// <summary>Left - Right (- Third).</summary>
    Difference,
}
