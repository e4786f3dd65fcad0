namespace FoodFast.Analytics.Core.Queries.Families;

/// <summary>The questions that are not plain aggregates: funnels, retention cohorts, segments, stock, search, shops. Each backend answers them exactly alike.</summary>
public interface IQueryFamilies
{
    /// <summary>Per-step counts of sessions or users, in step order.</summary>
    Task<IReadOnlyList<long>> FunnelAsync(FunnelQuery query, CancellationToken cancellationToken);

    /// <summary>Cohorts in period order, with their sizes and active customers per offset.</summary>
    Task<IReadOnlyList<(string Cohort, long Size, IReadOnlyList<long> Active)>> RetentionAsync(RetentionQuery query, CancellationToken cancellationToken);

    /// <summary>Every customer of the lookback placed in one segment; segments without customers may be left out.</summary>
    Task<IReadOnlyList<Segment>> SegmentsAsync(SegmentQuery query, CancellationToken cancellationToken);

    /// <summary>Each product's latest stock level (from inventory_updated events), by product id.</summary>
    Task<IReadOnlyList<StockLevel>> StockAsync(StockQuery query, CancellationToken cancellationToken);

    /// <summary>Hits newest first, and the total number of hits.</summary>
    Task<(long Total, IReadOnlyList<SearchHit> Hits)> SearchAsync(SearchQuery query, CancellationToken cancellationToken);

    /// <summary>The shops of the query that have orders, by shop id; a shop without any order is left out.</summary>
    Task<IReadOnlyList<ShopSummary>> ShopsAsync(ShopQuery query, CancellationToken cancellationToken);
}
