using System.Text.Json;
using System.Text.Json.Serialization;

namespace FoodFast.Analytics.Elasticsearch.Documents;

/// <summary>An activity event in the <c>&lt;prefix&gt;-events</c> data stream; <c>@timestamp</c> is when it occurred.</summary>
public sealed record EventDocument
{
    [JsonPropertyName("@timestamp")]
    public required DateTime Timestamp { get; init; }
    public required string EventId { get; init; }
    public required string ShopId { get; init; }
    public required string Category { get; init; }
    public required string Type { get; init; }
    public string? UserId { get; init; }
    public string? SessionId { get; init; }
    public string? ProductId { get; init; }
    public string? ProductName { get; init; }
    public string? ProductCategory { get; init; }
    public int? Quantity { get; init; }
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

    /// <summary>Mapped <c>flattened</c>: any keys, no mapping explosion.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Properties { get; init; }
}
