namespace FoodFast.Analytics.Core.Orders;

/// <summary>
/// An order as producers send it, keyed by <see cref="ShopId"/> + <see cref="OrderId"/> and upserted:
/// the copy with the newest <see cref="UpdatedAt"/> wins, so a late, older status never overwrites a newer one.
/// Money is in <see cref="Currency"/> and never summed across currencies.
/// </summary>
public sealed record Order
{
    public required string ShopId { get; init; }
    public required string OrderId { get; init; }
    public string? CustomerId { get; init; }
    public required OrderStatus Status { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>ISO 4217 code, upper case (EUR, GBP).</summary>
    public required string Currency { get; init; }
    public required SalesChannel Channel { get; init; }
    public required PaymentMethod PaymentMethod { get; init; }

    /// <summary>ISO 3166-1 alpha-2, upper case (DE, FR).</summary>
    public required string Country { get; init; }
    public string? City { get; init; }
    public GeoPoint? Location { get; init; }
    public string? CouponCode { get; init; }
    public required decimal Subtotal { get; init; }
    public decimal Discount { get; init; }
    public decimal Tax { get; init; }
    public decimal Shipping { get; init; }

    /// <summary>subtotal - discount + tax + shipping.</summary>
    public required decimal Total { get; init; }
    public required IReadOnlyList<OrderItem> Items { get; init; }
}

/// <summary>One line of an order. <see cref="UnitCost"/> is optional; gross margin uses the lines that have it.</summary>
public sealed record OrderItem
{
    public required string ProductId { get; init; }
    public required string ProductName { get; init; }
    public required string Category { get; init; }
    public string? Brand { get; init; }
    public required int Quantity { get; init; }
    public required decimal UnitPrice { get; init; }
    public decimal? UnitCost { get; init; }

    /// <summary>quantity x unitPrice, within a cent.</summary>
    public required decimal LineTotal { get; init; }
}

public sealed record GeoPoint(double Lat, double Lon);

public enum OrderStatus
{
    Created,
    Paid,
    Shipped,
    Delivered,
    Cancelled,
    Refunded,
}

public enum SalesChannel
{
    Web,
    Ios,
    Android,
    Api,
}

public enum PaymentMethod
{
    Card,
    Paypal,
    ApplePay,
    GooglePay,
    CashOnDelivery,
    Voucher,
}

/// <summary>A status update of a stored order (PATCH .../status): applied only when not older than the stored copy.</summary>
public sealed record OrderStatusChange
{
    public required string ShopId { get; init; }
    public required string OrderId { get; init; }
    public required OrderStatus Status { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
}
