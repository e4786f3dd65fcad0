using FoodFast.Analytics.Core.Queries.Families;

namespace FoodFast.Analytics.Elasticsearch.Queries;

/// <summary>Funnels, retention cohorts, RFM segments, stock, search and shops on Elasticsearch; each family's cost is described on its class.</summary>
public sealed class ElasticsearchQueryFamilies(
    FunnelScan funnels, RetentionCohorts retention, RfmSegments segments, StockLevels stock, FullTextSearch search, ShopSummaries shops) : IQueryFamilies
{
    public Task<IReadOnlyList<long>> FunnelAsync(FunnelQuery query, CancellationToken cancellationToken) => funnels.CountAsync(query, cancellationToken);

    public Task<IReadOnlyList<(string Cohort, long Size, IReadOnlyList<long> Active)>> RetentionAsync(RetentionQuery query, CancellationToken cancellationToken) =>
        retention.ComputeAsync(query, cancellationToken);

    public Task<IReadOnlyList<Segment>> SegmentsAsync(SegmentQuery query, CancellationToken cancellationToken) => segments.ComputeAsync(query, cancellationToken);

    public Task<IReadOnlyList<StockLevel>> StockAsync(StockQuery query, CancellationToken cancellationToken) => stock.ReadAsync(query, cancellationToken);

    public Task<(long Total, IReadOnlyList<SearchHit> Hits)> SearchAsync(SearchQuery query, CancellationToken cancellationToken) => search.SearchAsync(query, cancellationToken);

    public Task<IReadOnlyList<ShopSummary>> ShopsAsync(ShopQuery query, CancellationToken cancellationToken) => shops.ReadAsync(query, cancellationToken);
}
