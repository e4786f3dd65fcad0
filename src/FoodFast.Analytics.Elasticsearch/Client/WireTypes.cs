using System.Text.Json;
using System.Text.Json.Serialization;

namespace FoodFast.Analytics.Elasticsearch.Client;

/// <summary><c>GET /</c>: the cluster's name and version (§1.5). OpenSearch adds <c>version.distribution</c>.</summary>
public sealed record ServerInfo(string? Name, string? ClusterName, ServerVersion Version);

public sealed record ServerVersion(string Number, string? Distribution, string? BuildFlavor);

/// <summary><c>GET /_cluster/health</c>, the fields we report.</summary>
public sealed record ClusterHealth(string ClusterName, string Status, bool TimedOut, int NumberOfNodes, int UnassignedShards);

/// <summary>One <c>_bulk</c> action line: exactly one of the three is set.</summary>
public sealed record BulkActionLine
{
    public BulkTarget? Index { get; init; }
    public BulkTarget? Create { get; init; }
    public BulkTarget? Delete { get; init; }
}

public sealed record BulkTarget(
    [property: JsonPropertyName("_index")] string TargetIndex,
    [property: JsonPropertyName("_id")] string Id)
{
    public long? Version { get; init; }
    public string? VersionType { get; init; }
}

/// <summary>A <c>_bulk</c> answer trimmed by <c>filter_path=took,errors,items.*.status,items.*.error</c>: every item keeps its status, so positions hold.</summary>
public sealed record BulkResponse(long Took, bool Errors, List<Dictionary<string, BulkItemResult>>? Items);

public sealed record BulkItemResult(int Status, JsonElement? Error);

/// <summary><c>_delete_by_query</c> with <c>conflicts=proceed</c>: version conflicts are counted, real failures listed.</summary>
public sealed record DeleteByQueryResponse(long Deleted, bool TimedOut, List<JsonElement>? Failures);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = false)]
[JsonSerializable(typeof(ServerInfo))]
[JsonSerializable(typeof(ClusterHealth))]
[JsonSerializable(typeof(BulkActionLine))]
[JsonSerializable(typeof(BulkResponse))]
[JsonSerializable(typeof(DeleteByQueryResponse))]
[JsonSerializable(typeof(Documents.OrderDocument))]
[JsonSerializable(typeof(Documents.OrderLineDocument))]
[JsonSerializable(typeof(Documents.EventDocument))]
internal sealed partial class EsJson : JsonSerializerContext;
