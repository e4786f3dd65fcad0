namespace FoodFast.Analytics.Elasticsearch.Sink;

/// <summary>
/// One <c>_bulk</c> body and, for each action in it (in order), the position of the batch item it belongs to:
/// an order owns its order action and one action per line, an event owns one action.
/// </summary>
public sealed record BulkChunk(byte[] Body, IReadOnlyList<int> ActionOwners);
