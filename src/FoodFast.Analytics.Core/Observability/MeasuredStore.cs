using System.Data.Common;
using System.Diagnostics;
using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Queries.Families;
using FoodFast.Analytics.Core.Recommendations;
using FoodFast.Analytics.Core.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FoodFast.Analytics.Core.Observability;

/// <summary>
/// The analytics store with its query faces timed into <c>foodfast_store_query_duration_seconds</c> by family.
/// The sink is timed by the indexer (per batch) and exports by the report runs, so they pass straight through.
/// </summary>
public sealed class MeasuredStore(IAnalyticsStore inner, FoodFastMetrics metrics) : IAnalyticsStore, IAnalyticsQueries, IQueryFamilies,
    IRecommendationSource
{
    public string Backend => inner.Backend;

    public IAnalyticsSink Sink => inner.Sink;

    public IAnalyticsQueries Queries => this;

    public IQueryFamilies Families => this;

    public IExportSource Exports => inner.Exports;

    public IRecommendationSource Recommendations => this;

    public Task EnsureReadyAsync(CancellationToken cancellationToken) => inner.EnsureReadyAsync(cancellationToken);

    public Task<HealthCheckResult> CheckAsync(CancellationToken cancellationToken) => inner.CheckAsync(cancellationToken);

    public Task<AggregateTable> AggregateAsync(ValidatedQuery query, CancellationToken cancellationToken) =>
        TimeAsync("aggregate", () => inner.Queries.AggregateAsync(query, cancellationToken));

    public Task<(AggregateTable Current, AggregateTable Previous)> AggregateWithComparisonAsync(ValidatedQuery query, ValidatedQuery comparison, CancellationToken cancellationToken) =>
        TimeAsync("aggregate", () => inner.Queries.AggregateWithComparisonAsync(query, comparison, cancellationToken));

    public Task<IReadOnlyList<long>> FunnelAsync(FunnelQuery query, CancellationToken cancellationToken) =>
        TimeAsync("funnel", () => inner.Families.FunnelAsync(query, cancellationToken));

    public Task<IReadOnlyList<(string Cohort, long Size, IReadOnlyList<long> Active)>> RetentionAsync(RetentionQuery query, CancellationToken cancellationToken) =>
        TimeAsync("retention", () => inner.Families.RetentionAsync(query, cancellationToken));

    public Task<IReadOnlyList<Segment>> SegmentsAsync(SegmentQuery query, CancellationToken cancellationToken) =>
        TimeAsync("segments", () => inner.Families.SegmentsAsync(query, cancellationToken));

    public Task<IReadOnlyList<StockLevel>> StockAsync(StockQuery query, CancellationToken cancellationToken) =>
        TimeAsync("stock", () => inner.Families.StockAsync(query, cancellationToken));

    public Task<(long Total, IReadOnlyList<SearchHit> Hits)> SearchAsync(SearchQuery query, CancellationToken cancellationToken) =>
        TimeAsync("search", () => inner.Families.SearchAsync(query, cancellationToken));

    public Task<IReadOnlyList<ShopSummary>> ShopsAsync(ShopQuery query, CancellationToken cancellationToken) =>
        TimeAsync("shops", () => inner.Families.ShopsAsync(query, cancellationToken));

    public Task<PairCounts> PairsAsync(BoughtTogetherQuery query, CancellationToken cancellationToken) =>
        TimeAsync("bought_together", () => inner.Recommendations.PairsAsync(query, cancellationToken));

    public Task<IReadOnlyList<ProductUnits>> UnitsAsync(TrendingQuery query, CancellationToken cancellationToken) =>
        TimeAsync("trending", () => inner.Recommendations.UnitsAsync(query, cancellationToken));

    private async Task<T> TimeAsync<T>(string family, Func<Task<T>> query)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var result = await query();
            metrics.StoreQuery(family, clock.Elapsed, failed: false);
            return result;
        }
        catch (Exception ex)
        {
            metrics.StoreQuery(family, clock.Elapsed, failed: true);
            if (ex is DbException)
            {
                metrics.DependencyError(Dependencies.Postgres);
            }
            throw;
        }
    }
}
