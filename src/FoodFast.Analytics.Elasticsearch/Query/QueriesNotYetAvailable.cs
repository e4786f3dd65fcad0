using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Queries.Families;
using FoodFast.Analytics.Core.Storage;

namespace FoodFast.Analytics.Elasticsearch.Query;

/// <summary>
/// The query and export faces of the Elasticsearch store until its aggregation compiler lands (issue 5): every call
/// answers with a 501 problem saying so, rather than a wrong or empty result. Ingestion works meanwhile.
/// </summary>
internal sealed class QueriesNotYetAvailable : IAnalyticsQueries, IQueryFamilies, IExportSource
{
    private static NotSupportedException Missing(string what) =>
        new($"{what} are not available on the Elasticsearch backend in this build; use Storage:Backend=Postgres for analytics queries.");

    public Task<AggregateTable> AggregateAsync(ValidatedQuery query, CancellationToken cancellationToken) => throw Missing("Aggregate queries");

    public Task<IReadOnlyList<long>> FunnelAsync(FunnelQuery query, CancellationToken cancellationToken) => throw Missing("Funnels");

    public Task<IReadOnlyList<(string Cohort, long Size, IReadOnlyList<long> Active)>> RetentionAsync(RetentionQuery query, CancellationToken cancellationToken) =>
        throw Missing("Retention cohorts");

    public Task<IReadOnlyList<Segment>> SegmentsAsync(SegmentQuery query, CancellationToken cancellationToken) => throw Missing("Segments");

    public IAsyncEnumerable<ExportedOrder> OrdersAsync(ExportRange range, CancellationToken cancellationToken) => throw Missing("Exports");

    public IAsyncEnumerable<ExportedOrderItem> OrderItemsAsync(ExportRange range, CancellationToken cancellationToken) => throw Missing("Exports");

    public IAsyncEnumerable<ExportedEvent> EventsAsync(ExportRange range, CancellationToken cancellationToken) => throw Missing("Exports");

    public Task<IReadOnlyList<StockLevel>> StockAsync(StockQuery query, CancellationToken cancellationToken) => throw Missing("Stock levels");

    public Task<(long Total, IReadOnlyList<SearchHit> Hits)> SearchAsync(SearchQuery query, CancellationToken cancellationToken) => throw Missing("Searches");
}
