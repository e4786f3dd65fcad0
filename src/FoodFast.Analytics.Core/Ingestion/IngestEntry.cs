using System.Text.Json;
using FoodFast.Analytics.Core.Events;
using FoodFast.Analytics.Core.Orders;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Core.Wire;

namespace FoodFast.Analytics.Core.Ingestion;

public enum IngestKind : short
{
    Order = 1,
    Event = 2,
    OrderStatus = 3,
}

/// <summary>
/// An accepted item on its way into the ingest log or, written through, straight into the store: its kind, shop and
/// the validated item. The wire JSON the log keeps is made only when the entry is logged.
/// </summary>
public sealed record IngestEntry(IngestKind Kind, string ShopId, SinkItem Item)
{
    private byte[]? _payload;

    /// <summary>The item as wire JSON, as the log keeps it.</summary>
    public byte[] Payload => _payload ??= Item switch
    {
        { Order: { } order } => Serialize(order),
        { StatusChange: { } change } => Serialize(change),
        { Event: { } activity } => Serialize(activity),
        _ => throw new InvalidOperationException("an ingest entry holds no item"),
    };

    public static IngestEntry Of(Order order) => new(IngestKind.Order, order.ShopId, SinkItem.Of(order));

    public static IngestEntry Of(OrderStatusChange change) => new(IngestKind.OrderStatus, change.ShopId, SinkItem.Of(change));

    public static IngestEntry Of(ActivityEvent activity) => new(IngestKind.Event, activity.ShopId, SinkItem.Of(activity));

    /// <summary>An item read back from the log's wire JSON.</summary>
    public static SinkItem ToSinkItem(IngestKind kind, byte[] payload) => kind switch
    {
        IngestKind.Order => SinkItem.Of(JsonSerializer.Deserialize<Order>(payload, WireJson.Options)!),
        IngestKind.OrderStatus => SinkItem.Of(JsonSerializer.Deserialize<OrderStatusChange>(payload, WireJson.Options)!),
        IngestKind.Event => SinkItem.Of(JsonSerializer.Deserialize<ActivityEvent>(payload, WireJson.Options)!),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown ingest kind"),
    };

    private static byte[] Serialize<T>(T item) => JsonSerializer.SerializeToUtf8Bytes(item, WireJson.Options);
}

/// <summary>An entry claimed by the indexer.</summary>
public sealed record ClaimedEntry(long Id, IngestKind Kind, string ShopId, byte[] Payload, int Attempts);

/// <summary>What the indexer decided for one claimed entry.</summary>
public sealed record Settlement(long Id, SettlementKind Kind, string? Reason = null, TimeSpan Delay = default);

public enum SettlementKind
{
    /// <summary>In the store: delete from the log.</summary>
    Done,

    /// <summary>Try again after <see cref="Settlement.Delay"/>; counts an attempt.</summary>
    Postpone,

    /// <summary>Can never succeed: move to the dead-letter table with the reason.</summary>
    DeadLetter,
}
