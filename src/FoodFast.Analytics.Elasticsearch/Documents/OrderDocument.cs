namespace FoodFast.Analytics.Elasticsearch.Documents;

/// <summary>
/// An order as stored in <c>&lt;prefix&gt;-orders-yyyy.MM</c>. Field names are fixed (Kibana and the query compiler use them):
/// the snake_case of the model's properties. Times are UTC.
/// </summary>
public sealed record OrderDocument
{
    public required string OrderId { get; init; }
    public required string ShopId { get; init; }
    public string? CustomerId { get; init; }
    public required string Status { get; init; }
    public required DateTime CreatedAt { get; init; }
    public required DateTime UpdatedAt { get; init; }
    public required string Currency { get; init; }
    public required string Channel { get; init; }
    public required string PaymentMethod { get; init; }
    public required string Country { get; init; }
    public string? City { get; init; }
    public GeoLocation? Location { get; init; }
    public string? CouponCode { get; init; }
    public required decimal Subtotal { get; init; }
    public required decimal Discount { get; init; }
    public required decimal Tax { get; init; }
    public required decimal Shipping { get; init; }
    public required decimal Total { get; init; }
    public required int Units { get; init; }
    public required int LineCount { get; init; }

    /// <summary>The <c>updated_at</c> of the version written, when it is cancelled (ES keeps no history to find the first one).</summary>
    public DateTime? CancelledAt { get; init; }

    /// <summary>As <see cref="CancelledAt"/>, for refunded.</summary>
    public DateTime? RefundedAt { get; init; }
    public required IReadOnlyList<string> ProductIds { get; init; }
    public required IReadOnlyList<string> Categories { get; init; }
    public required IReadOnlyList<string> Brands { get; init; }
}

/// <summary>A <c>geo_point</c> in its object form.</summary>
public sealed record GeoLocation(double Lat, double Lon);
