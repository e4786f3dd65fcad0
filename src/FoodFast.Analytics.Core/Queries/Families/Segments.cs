namespace FoodFast.Analytics.Core.Queries.Families;

/// <summary>
/// RFM segments of a shop's customers as of <see cref="AsOf"/>, from their orders in the
/// <see cref="LookbackDays"/> before it. Each customer falls in exactly one segment, tested in this order:
/// lost (last order more than 180 days ago), at_risk (more than 60), new (first order within 30 days),
/// champions (5 or more orders and last within 30 days), loyal (everyone else).
/// </summary>
public sealed record SegmentQuery(string? ShopId, DateTimeOffset AsOf, int LookbackDays);

/// <param name="Monetary">Σ total per currency of the segment's orders in the lookback.</param>
public sealed record Segment(string Name, long Customers, decimal AverageOrders, decimal AverageRecencyDays, IReadOnlyDictionary<string, decimal> Monetary);

public sealed record SegmentResult(IReadOnlyList<Segment> Segments, ResultMeta Meta)
{
    public static readonly IReadOnlyList<string> Names = ["champions", "loyal", "new", "at_risk", "lost"];
}
