namespace FoodFast.Analytics.Core.Queries;

/// <summary>The query face of the store: aggregate base metrics per bucket and group of a validated query.</summary>
public interface IAnalyticsQueries
{
    /// <summary>
    /// Rows for the buckets and groups that have data (empty ones may be left out: the engine fills them).
    /// Bounds: <c>From</c> inclusive, <c>To</c> exclusive, compared with the metric's time basis. Only the query's
    /// shop when <see cref="AnalyticsQuery.ShopId"/> is set. With <see cref="AnalyticsQuery.Top"/>, groups of the first
    /// dimension beyond the top N (ranked by the sort metric, else the first metric) are folded into one
    /// <see cref="AggregateRow.Other"/> key, computed exactly.
    /// </summary>
    Task<AggregateTable> AggregateAsync(ValidatedQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="AggregateAsync"/> of a query and of its comparison (the same query over another range), each
    /// answered exactly as on its own. Not abstract, as added later: by default the two run side by side; a backend
    /// that can read both ranges in one pass overrides it.
    /// </summary>
    async Task<(AggregateTable Current, AggregateTable Previous)> AggregateWithComparisonAsync(ValidatedQuery query, ValidatedQuery comparison, CancellationToken cancellationToken)
    {
        var current = AggregateAsync(query, cancellationToken);
        var previous = AggregateAsync(comparison, cancellationToken);
        await Task.WhenAll(current, previous);
        return (await current, await previous);
    }
}
