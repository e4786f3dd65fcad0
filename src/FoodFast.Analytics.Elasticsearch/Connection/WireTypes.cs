using System.Text.Json;
using System.Text.Json.Serialization;

namespace FoodFast.Analytics.Elasticsearch.Connection;

/// <summary>
/// <c>_delete_by_query</c> / <c>_update_by_query</c> answered with <c>wait_for_completion=true</c> (specification
/// <c>_global/update_by_query/UpdateByQueryResponse.ts</c>): with <c>conflicts=proceed</c> version conflicts are counted,
/// and <see cref="Failures"/> lists what ended the run early (<c>BulkIndexByScrollFailure</c> or search failures).
/// </summary>
public sealed record ByQueryResponse(long Total, long Deleted, long Updated, long VersionConflicts, bool TimedOut, List<JsonElement>? Failures)
{
    /// <summary>Why the run did not cover every match (time-out, first failure's <c>type: reason</c>); null when it did.</summary>
    public string? Incomplete()
    {
        if (Failures is { Count: > 0 } failures)
        {
            var first = failures[0];
            var cause = first.TryGetProperty("cause", out var c) ? c : first.TryGetProperty("reason", out var r) ? r : first;
            var (type, reason) = ErrorBody.Read(cause);
            return $"{failures.Count} failure(s), the first {type}: {reason}";
        }
        return TimedOut ? "timed out before every match was processed" : null;
    }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = false)]
[JsonSerializable(typeof(ByQueryResponse))]
[JsonSerializable(typeof(Documents.OrderDocument))]
[JsonSerializable(typeof(Documents.OrderLineDocument))]
[JsonSerializable(typeof(Documents.EventDocument))]
internal sealed partial class EsJson : JsonSerializerContext;
