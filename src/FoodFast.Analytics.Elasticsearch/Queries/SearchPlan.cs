using FoodFast.Analytics.Core.Queries.Catalogue;

namespace FoodFast.Analytics.Elasticsearch.Queries;

/// <summary>
/// One aggregation search of a validated query: the rows of one time basis, grouped by the bucket (when
/// <see cref="Bucketed"/> and the query has one) and by the chosen group-by dimensions, computing the chosen base metrics.
/// </summary>
/// <param name="Dimensions">Indexes into the query's group-by that become composite sources.</param>
/// <param name="Metrics">Indexes into the query's base metrics computed here (all of this basis).</param>
public sealed record SearchPlan(TimeBasis Basis, IReadOnlyList<int> Dimensions, IReadOnlyList<int> Metrics)
{
    public bool Bucketed { get; init; } = true;

    /// <summary>Read the readable name beside keys that have one (not needed to rank groups).</summary>
    public bool Labels { get; init; } = true;

    /// <summary>Restricts the first dimension to a top-N's keys, or (with <see cref="TopScope.Complement"/>) to the rest.</summary>
    public TopScope? Top { get; init; }

    /// <summary>Only these customers, with customer_id as one more composite source (the new-customers pass).</summary>
    public IReadOnlyList<string>? Customers { get; init; }
}

/// <param name="Keys">Values of the first dimension (null stands for rows without it).</param>
public sealed record TopScope(IReadOnlyList<string?> Keys, bool Complement);
