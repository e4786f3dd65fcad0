using System.Text.Json;

namespace FoodFast.Analytics.Core.Events;

/// <summary>
/// A user-activity event, append-only and keyed by the client's <see cref="EventId"/>, so a retried
/// send is counted once. Which optional fields are set depends on <see cref="Type"/>: <see cref="Query"/>
/// and <see cref="ResultsCount"/> for searches, <see cref="Rating"/> for reviews, <see cref="StockLevel"/>
/// for inventory updates, product fields for product and cart events, <c>properties.supplierId</c> and
/// <c>properties.purchaseId</c> for supplier and purchase (stock procurement) events.
/// </summary>
public sealed record ActivityEvent
{
    public required string ShopId { get; init; }
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required EventCategory Category { get; init; }
    public required ActivityType Type { get; init; }
    public string? UserId { get; init; }
    public string? SessionId { get; init; }
    public string? ProductId { get; init; }
    public string? ProductName { get; init; }

    /// <summary>Category of the product (not the event's <see cref="Category"/>).</summary>
    public string? ProductCategory { get; init; }
    public int? Quantity { get; init; }

    /// <summary>Price or value of the event (cart value, payment amount), in <see cref="Currency"/> when given.</summary>
    public decimal? Value { get; init; }
    public string? Currency { get; init; }
    public string? OrderId { get; init; }
    public string? Query { get; init; }
    public int? ResultsCount { get; init; }
    public int? Rating { get; init; }
    public int? StockLevel { get; init; }
    public string? Url { get; init; }
    public string? Referrer { get; init; }
    public string? Device { get; init; }
    public string? Country { get; init; }

    /// <summary>A flat map of string or number values, bounded in size and key count.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Properties { get; init; }
}

public enum EventCategory
{
    User,
    Product,
    Order,
}

public enum ActivityType
{
    PageView,
    ProductView,
    Search,
    AddToCart,
    RemoveFromCart,
    WishlistAdd,
    CheckoutStart,
    CheckoutComplete,
    Purchase,
    Login,
    Registration,
    Review,
    PaymentStarted,
    PaymentCompleted,
    PaymentFailed,
    InventoryUpdated,

    /// <summary>A supplier's details changed (<c>properties.supplierId</c> names it).</summary>
    SupplierUpdated,

    /// <summary>The shop ordered stock from a supplier (<c>properties.purchaseId</c> names the purchase order).</summary>
    PurchaseCreated,

    /// <summary>Stock of a purchase order arrived (<c>properties.purchaseId</c>).</summary>
    PurchaseReceived,
}
