using System.Text.Json;

namespace FoodFast.Analytics.Elasticsearch.Connection;

/// <summary>
/// Reads <c>error.type</c> and <c>error.reason</c> from an error body. <c>error</c> is usually an object, but routing
/// failures send a plain string; a body that is not JSON (a proxy's HTML page) yields a trimmed excerpt.
/// </summary>
public static class ErrorBody
{
    private const int MaxReason = 500;

    public static (string? Type, string? Reason) Read(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return (null, null);
        }
        try
        {
            using var doc = JsonDocument.Parse(body.ToArray());
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("error", out var error))
            {
                return Read(error);
            }
        }
        catch (JsonException)
        {
            // Not JSON: fall through to the excerpt.
        }
        return (null, Excerpt(System.Text.Encoding.UTF8.GetString(body)));
    }

    /// <summary>The <c>error</c> element itself, as found in error bodies and in bulk items.</summary>
    public static (string? Type, string? Reason) Read(JsonElement error) => error.ValueKind switch
    {
        JsonValueKind.String => (null, Excerpt(error.GetString()!)),
        JsonValueKind.Object => (StringOf(error, "type"), ReasonOf(error)),
        _ => (null, null),
    };

    private static string? ReasonOf(JsonElement error)
    {
        var reason = StringOf(error, "reason");
        // The cause often says what actually went wrong ("failed to parse field [total] of type [scaled_float]").
        if (error.TryGetProperty("caused_by", out var cause) && cause.ValueKind == JsonValueKind.Object && StringOf(cause, "reason") is { } inner)
        {
            reason = reason is null ? inner : $"{reason} (caused by: {inner})";
        }
        return reason is null ? null : Excerpt(reason);
    }

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Excerpt(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= MaxReason ? trimmed : trimmed[..MaxReason] + "...";
    }
}
