namespace FoodFast.Analytics.Core.Storage;

/// <summary>
/// The export face of the store: every row of a dataset for a shop and a range, streamed in a stable order
/// (time, then id) without loading them all. Enumerate each result once; cancelling stops the read.
/// </summary>
public interface IExportSource
{
    IAsyncEnumerable<ExportedOrder> OrdersAsync(ExportRange range, CancellationToken cancellationToken);

    IAsyncEnumerable<ExportedOrderItem> OrderItemsAsync(ExportRange range, CancellationToken cancellationToken);

    IAsyncEnumerable<ExportedEvent> EventsAsync(ExportRange range, CancellationToken cancellationToken);

    /// <summary>
    /// The same rows as CSV made by the store itself, or null where the store cannot (the rows are then formatted by the
    /// caller). The text is what the report CSV writer makes of the rows, except that rows end in LF and there is no
    /// header: RFC 4180 fields in the dataset's export column order; null and empty text as an empty, unquoted field;
    /// instants as ISO-8601 UTC ending in <c>Z</c>, without trailing zeros in the fraction; decimals with their scale.
    /// The caller disposes the reader, which stops the read.
    /// </summary>
    Task<TextReader?> OpenCsvAsync(string dataset, ExportRange range, CancellationToken cancellationToken);
}

/// <summary>Rows of <paramref name="ShopId"/> (null: every shop, admin only) whose time lies in <c>[From, To)</c>.</summary>
public sealed record ExportRange(string? ShopId, DateTimeOffset From, DateTimeOffset To);

/// <summary>An order as stored, flat (its lines are <see cref="ExportedOrderItem"/>). Enum values are wire names (<c>apple_pay</c>).</summary>
public sealed record ExportedOrder(
    string ShopId, string OrderId, string? CustomerId, string Status, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    string Currency, string Channel, string PaymentMethod, string Country, string? City, string? CouponCode,
    decimal Subtotal, decimal Discount, decimal Tax, decimal Shipping, decimal Total, int Units, int LineCount);

/// <summary>One order line with its order's shop, time, status, currency, country and channel.</summary>
public sealed record ExportedOrderItem(
    string ShopId, string OrderId, int LineNo, string ProductId, string ProductName, string Category, string? Brand,
    int Quantity, decimal UnitPrice, decimal? UnitCost, decimal LineTotal, string? CustomerId, string Status,
    DateTimeOffset CreatedAt, string Currency, string Country, string Channel);

/// <summary>An activity event as stored (without its free-form properties).</summary>
public sealed record ExportedEvent(
    Guid EventId, string ShopId, DateTimeOffset OccurredAt, string Category, string Type, string? UserId, string? SessionId,
    string? ProductId, string? ProductName, string? ProductCategory, int? Quantity, decimal? Value, string? Currency,
    string? OrderId, string? Query, string? Device, string? Country);
