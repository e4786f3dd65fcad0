namespace FoodFast.Analytics.Elasticsearch.Sink;

/// <summary>What ES said about one action: its own status, and <c>error.type</c>/<c>error.reason</c> when it failed.</summary>
public sealed record BulkItemStatus(int Status, string? ErrorType = null, string? Reason = null);
