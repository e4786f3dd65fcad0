using FoodFast.Analytics.Core.Erasure;
using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Queries.Families;
using FoodFast.Analytics.Core.Recommendations;
using FoodFast.Analytics.Core.Retention;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FoodFast.Analytics.Core.Storage;

/// <summary>
/// A store that passes every call of every face to <paramref name="inner"/> through <see cref="AroundAsync"/> (and each
/// exported row stream through <see cref="AroundRows"/>), named by its step: what a decorator adds to each call
/// (timing, failure translation) is written once. Readiness and health pass straight through.
/// </summary>
public abstract class StoreDecorator(IAnalyticsStore inner) : IAnalyticsStore, IAnalyticsSink, IAnalyticsQueries, IQueryFamilies,
    IRecommendationSource, IExportSource, ICustomerErasure, IAnalyticsRetention
{
    public string Backend => inner.Backend;

    public IAnalyticsSink Sink => this;

    public IAnalyticsQueries Queries => this;

    public IQueryFamilies Families => this;

    public IRecommendationSource Recommendations => this;

    public IExportSource Exports => this;

    public ICustomerErasure Erasure => this;

    public IAnalyticsRetention Retention => this;

    public bool EventsByLifecyclePolicy => inner.Retention.EventsByLifecyclePolicy;

    /// <summary>Runs one store call named <paramref name="step"/> (one of <see cref="StoreSteps"/>).</summary>
    protected abstract Task<T> AroundAsync<T>(string step, Func<Task<T>> call);

    /// <summary>Reads one exported row stream; passes it through unless overridden.</summary>
    protected virtual IAsyncEnumerable<T> AroundRows<T>(string step, IAsyncEnumerable<T> rows) => rows;

    public Task EnsureReadyAsync(CancellationToken cancellationToken) => inner.EnsureReadyAsync(cancellationToken);

    public Task<HealthCheckResult> CheckAsync(CancellationToken cancellationToken) => inner.CheckAsync(cancellationToken);

    public Task<IReadOnlyList<SinkOutcome>> WriteAsync(IReadOnlyList<SinkItem> batch, CancellationToken cancellationToken) =>
        AroundAsync(StoreSteps.Write, () => inner.Sink.WriteAsync(batch, cancellationToken));

    public Task<AggregateTable> AggregateAsync(ValidatedQuery query, CancellationToken cancellationToken) =>
        AroundAsync(StoreSteps.Aggregate, () => inner.Queries.AggregateAsync(query, cancellationToken));

    public Task<(AggregateTable Current, AggregateTable Previous)> AggregateWithComparisonAsync(ValidatedQuery query, ValidatedQuery comparison, CancellationToken cancellationToken) =>
        AroundAsync(StoreSteps.Aggregate, () => inner.Queries.AggregateWithComparisonAsync(query, comparison, cancellationToken));

    public Task<IReadOnlyList<long>> FunnelAsync(FunnelQuery query, CancellationToken cancellationToken) =>
        AroundAsync("funnel", () => inner.Families.FunnelAsync(query, cancellationToken));

    public Task<IReadOnlyList<(string Cohort, long Size, IReadOnlyList<long> Active)>> RetentionAsync(RetentionQuery query, CancellationToken cancellationToken) =>
        AroundAsync("retention", () => inner.Families.RetentionAsync(query, cancellationToken));

    public Task<IReadOnlyList<Segment>> SegmentsAsync(SegmentQuery query, CancellationToken cancellationToken) =>
        AroundAsync("segments", () => inner.Families.SegmentsAsync(query, cancellationToken));

    public Task<IReadOnlyList<StockLevel>> StockAsync(StockQuery query, CancellationToken cancellationToken) =>
        AroundAsync("stock", () => inner.Families.StockAsync(query, cancellationToken));

    public Task<(long Total, IReadOnlyList<SearchHit> Hits)> SearchAsync(SearchQuery query, CancellationToken cancellationToken) =>
        AroundAsync("search", () => inner.Families.SearchAsync(query, cancellationToken));

    public Task<IReadOnlyList<ShopSummary>> ShopsAsync(ShopQuery query, CancellationToken cancellationToken) =>
        AroundAsync("shops", () => inner.Families.ShopsAsync(query, cancellationToken));

    public Task<PairCounts> PairsAsync(BoughtTogetherQuery query, CancellationToken cancellationToken) =>
        AroundAsync("bought_together", () => inner.Recommendations.PairsAsync(query, cancellationToken));

    public Task<IReadOnlyList<ProductUnits>> UnitsAsync(TrendingQuery query, CancellationToken cancellationToken) =>
        AroundAsync("trending", () => inner.Recommendations.UnitsAsync(query, cancellationToken));

    public IAsyncEnumerable<ExportedOrder> OrdersAsync(ExportRange range, CancellationToken cancellationToken) =>
        AroundRows(StoreSteps.Export, inner.Exports.OrdersAsync(range, cancellationToken));

    public IAsyncEnumerable<ExportedOrderItem> OrderItemsAsync(ExportRange range, CancellationToken cancellationToken) =>
        AroundRows(StoreSteps.Export, inner.Exports.OrderItemsAsync(range, cancellationToken));

    public IAsyncEnumerable<ExportedEvent> EventsAsync(ExportRange range, CancellationToken cancellationToken) =>
        AroundRows(StoreSteps.Export, inner.Exports.EventsAsync(range, cancellationToken));

    // Only the opening passes through AroundAsync: the text is then read by the CSV writer, as a file is.
    public Task<TextReader?> OpenCsvAsync(string dataset, ExportRange range, CancellationToken cancellationToken) =>
        AroundAsync(StoreSteps.Export, () => inner.Exports.OpenCsvAsync(dataset, range, cancellationToken));

    public Task<ErasureCounts> EraseAsync(string shopId, string customerId, CancellationToken cancellationToken) =>
        AroundAsync("erasure", () => inner.Erasure.EraseAsync(shopId, customerId, cancellationToken));

    public Task<IReadOnlyDictionary<string, long>> DeleteOlderThanAsync(string dataset, DateTimeOffset cutoff, int batch, CancellationToken cancellationToken) =>
        AroundAsync("retention_delete", () => inner.Retention.DeleteOlderThanAsync(dataset, cutoff, batch, cancellationToken));
}

/// <summary>The steps of <see cref="StoreDecorator"/> that its subclasses single out; the others are named where they are called.</summary>
public static class StoreSteps
{
    public const string Write = "write";
    public const string Aggregate = "aggregate";
    public const string Export = "export";
}
