using FoodFast.Analytics.Core.Events;
using FoodFast.Analytics.Core.Orders;

namespace FoodFast.Analytics.Core.Storage;

/// <summary>
/// The write face of the store. Writes are idempotent: events by <c>(ShopId, EventId)</c>, orders by
/// <c>(ShopId, OrderId)</c> keeping the newest <c>UpdatedAt</c>, so the indexer may retry any batch.
/// </summary>
public interface IAnalyticsSink
{
    /// <summary>
    /// Writes a batch and answers one outcome per item, in the batch's order. Throws only when the
    /// whole store is unreachable (every item is then retried later); per-item failures are outcomes.
    /// </summary>
    Task<IReadOnlyList<SinkOutcome>> WriteAsync(IReadOnlyList<SinkItem> batch, CancellationToken cancellationToken);
}

/// <summary>An order, a status change of an order, or an event on its way into the store. Exactly one is set.</summary>
public sealed record SinkItem
{
    public Order? Order { get; init; }
    public OrderStatusChange? StatusChange { get; init; }
    public ActivityEvent? Event { get; init; }

    public static SinkItem Of(Order order) => new() { Order = order };
    public static SinkItem Of(OrderStatusChange change) => new() { StatusChange = change };
    public static SinkItem Of(ActivityEvent activity) => new() { Event = activity };
}

/// <summary>What became of one item: landed (or was already there, or is older than what is stored), retry later, or never.</summary>
public sealed record SinkOutcome(SinkOutcomeKind Kind, string? Reason = null)
{
    public static readonly SinkOutcome Landed = new(SinkOutcomeKind.Landed);

    public static SinkOutcome Retry(string reason) => new(SinkOutcomeKind.Retry, reason);

    public static SinkOutcome Reject(string reason) => new(SinkOutcomeKind.Rejected, reason);
}

public enum SinkOutcomeKind
{
    /// <summary>Stored, already stored (duplicate event), or superseded by a newer version: done.</summary>
    Landed,

    /// <summary>Transient (overload, unavailable, or a status change whose order has not arrived yet): try again with backoff.</summary>
    Retry,

    /// <summary>Can never succeed (mapping error, invalid document): dead-letter with the reason.</summary>
    Rejected,
}
