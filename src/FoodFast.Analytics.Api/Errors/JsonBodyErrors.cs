using System.Text.Json;
using System.Text.RegularExpressions;
using FoodFast.Analytics.Core.Wire;

namespace FoodFast.Analytics.Api.Errors;

/// <summary>
/// A JSON body the serializer could not read, as a problem naming the JSON path (<c>filters[0].values</c>), what was
/// received there (read back from the buffered body) and what is expected.
/// </summary>
internal static partial class JsonBodyErrors
{
    [GeneratedRegex(@"could not be converted to (?<type>[^ ]+?)\.? Path:")]
    private static partial Regex ConvertedTo();

    [GeneratedRegex(@"missing required properties including: (?<names>.+?)\.( Path:|$)")]
    private static partial Regex MissingProperties();

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<quoted>(?:[^']|'')*)'\]|\[(?<index>\d+)\]")]
    private static partial Regex PathSegment();

    public static async Task<FieldRequestException> DescribeAsync(HttpContext http, JsonException error)
    {
        var path = error.Path is { Length: > 1 } p ? p : "$";
        var field = path == "$" ? "$" : path.TrimStart('$').TrimStart('.');
        var received = Received(await BufferedBodyAsync(http), path);
        if (MissingProperties().Match(error.Message) is { Success: true } missing)
        {
            var names = missing.Groups["names"].Value.Replace("'", "", StringComparison.Ordinal);
            var prefix = field == "$" ? "" : field + ".";
            var first = names.Split(',')[0].Trim();
            return new FieldRequestException(prefix + first, $"is required (missing: {names})", received, "the field present and not null", inner: error);
        }
        var expected = error is WireValueException wire ? wire.Expected
            : ConvertedTo().Match(error.Message) is { Success: true } converted ? ExpectedValues.Describe(MemberType(converted.Groups["type"].Value, path))
            : "valid JSON";
        var message = error is WireValueException || expected == "valid JSON" ? error.Message.Split(" Path:")[0]
            : received is null ? $"must be {expected}" : $"must be {expected}, got {received}";
        return new FieldRequestException(field, message, received, expected, inner: error);
    }

    /// <summary>
    /// The type the value at <paramref name="path"/> should have had. For a record read through its constructor the
    /// serializer names the record (<c>RangeFilter</c> for a text in <c>ranges[0].min</c>), not the member.
    /// </summary>
    private static string MemberType(string typeName, string path)
    {
        var member = PathSegment().Matches(path).LastOrDefault()?.Groups["name"].Value;
        var type = string.IsNullOrEmpty(member) ? null : typeof(Core.Queries.AnalyticsQuery).Assembly.GetType(typeName);
        var property = type?.GetProperty(member!, System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.IgnoreCase);
        return property?.PropertyType.ToString() ?? typeName;
    }

    /// <summary>The whole body when it was buffered (see <see cref="RequestGuards"/>); the serializer may have stopped reading mid-way.</summary>
    private static async Task<byte[]?> BufferedBodyAsync(HttpContext http)
    {
        var body = http.Request.Body;
        if (!body.CanSeek || http.Request.ContentLength is not (> 0 and <= ProblemDetailsSetup.BufferedBodyBytes))
        {
            return null;
        }
        try
        {
            body.Position = 0;
            using var copy = new MemoryStream();
            await body.CopyToAsync(copy, http.RequestAborted);
            return copy.ToArray();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The value at <paramref name="path"/> in the body, as the caller wrote it (bounded), or null when it cannot be read back.</summary>
    private static string? Received(byte[]? body, string path)
    {
        if (body is null)
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(body);
            var node = document.RootElement;
            foreach (Match segment in PathSegment().Matches(path))
            {
                if (segment.Groups["index"].Success)
                {
                    var index = int.Parse(segment.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture);
                    if (node.ValueKind != JsonValueKind.Array || index >= node.GetArrayLength())
                    {
                        return null;
                    }
                    node = node[index];
                }
                else
                {
                    var name = segment.Groups["name"].Success ? segment.Groups["name"].Value : segment.Groups["quoted"].Value.Replace("''", "'", StringComparison.Ordinal);
                    if (node.ValueKind != JsonValueKind.Object || !TryProperty(node, name, out node))
                    {
                        return null;
                    }
                }
            }
            return node.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? JsonText.Kind(node.ValueKind)
                : node.ValueKind == JsonValueKind.String && !JsonText.TryGetString(node, out _) ? "text that is not valid Unicode"
                : FieldProblems.Shown(node.GetRawText());
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return ex is JsonException ? "a body that is not valid JSON (or not valid UTF-8)" : null;
        }
    }

    private static bool TryProperty(JsonElement node, string name, out JsonElement value)
    {
        if (node.TryGetProperty(name, out value))
        {
            return true;
        }
        foreach (var property in node.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }
        return false;
    }
}
