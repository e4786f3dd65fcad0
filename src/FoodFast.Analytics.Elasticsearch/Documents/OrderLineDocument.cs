namespace FoodFast.Analytics.Elasticsearch.Documents;

/// <summary>
/// One order line in <c>&lt;prefix&gt;-order-lines-yyyy.MM</c>, with the order's facts copied in, so per-product,
/// per-category and per-brand figures are plain (not nested) aggregations Kibana Lens can chart.
/// </summary>
public sealed record OrderLineDocument
{
    public required string ShopId { get; init; }
    public required string OrderId { get; init; }

    /// <summary>1-based position of the line in the order.</summary>
    public required int LineNo { get; init; }
    public required string ProductId { get; init; }
    public required string ProductName { get; init; }
    public required string Category { get; init; }
    public string? Brand { get; init; }
    public required int Quantity { get; init; }
    public required decimal UnitPrice { get; init; }
    public decimal? UnitCost { get; init; }
    public required decimal LineTotal { get; init; }

    /// <summary>quantity x unit_cost, when the cost is known.</summary>
    public decimal? LineCost { get; init; }
    public string? CustomerId { get; init; }
    public required string Status { get; init; }
    public required DateTime CreatedAt { get; init; }
    public required DateTime UpdatedAt { get; init; }
    public required string Currency { get; init; }
    public required string Country { get; init; }
    public string? City { get; init; }
    public required string Channel { get; init; }
    public required string PaymentMethod { get; init; }
}
