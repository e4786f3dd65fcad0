namespace FoodFast.Analytics.Core.Live;

/// <summary>
/// A shop's rolling figures from the live counters. "Last N minutes" is the N most recent whole-minute buckets,
/// the current (partial) minute included. Money is per currency, never summed across currencies.
/// </summary>
public sealed record RealtimeFigures(
    string ShopId,
    DateTimeOffset At,
    long OrderCountLastMinute,
    IReadOnlyDictionary<string, decimal> RevenueLastMinute,
    long OrderCountLast5Minutes,
    IReadOnlyDictionary<string, decimal> RevenueLast5Minutes,
    long OrderCountLast60Minutes,
    IReadOnlyDictionary<string, decimal> RevenueLast60Minutes,
    IReadOnlyList<ProductFigures> TopProductsLastHour,
    long ActiveSessionsLast5Minutes,
    IReadOnlyList<MinuteFigures> PerMinute);

/// <summary>One product's units, orders and revenue (per currency) over a window.</summary>
public sealed record ProductFigures(string ProductId, string? ProductName, long Units, long Orders, IReadOnlyDictionary<string, decimal> Revenue);

/// <summary>One minute bucket, oldest first in <see cref="RealtimeFigures.PerMinute"/> (the sparkline).</summary>
public sealed record MinuteFigures(DateTimeOffset Minute, long OrderCount, IReadOnlyDictionary<string, decimal> Revenue);

/// <summary>A product's figures over the last 5 and 60 minutes.</summary>
public sealed record RealtimeProduct(string ShopId, DateTimeOffset At, ProductFigures Last5Minutes, ProductFigures Last60Minutes);
