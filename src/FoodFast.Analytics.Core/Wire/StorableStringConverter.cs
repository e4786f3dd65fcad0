using System.Text.Json;
using System.Text.Json.Serialization;

namespace FoodFast.Analytics.Core.Wire;

/// <summary>
/// Every string read from a JSON body is text Postgres and Elasticsearch can store: valid UTF-8 and UTF-16 (no lone
/// surrogate), without NUL. Anything else is refused where it is read, with its JSON path, not deep in a database.
/// </summary>
public sealed class StorableStringConverter : JsonConverter<string>
{
    public const string Expected = "a string of valid Unicode text without NUL characters";

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new WireValueException($"must be a string, got {JsonText.Kind(reader.TokenType)}", "a string");
        }
        // GetString already refuses invalid UTF-8 and lone surrogate escapes; only the NUL is left to check.
        if (!JsonText.TryGetString(ref reader, out var text) || text.Contains('\0', StringComparison.Ordinal))
        {
            throw new WireValueException("must be valid Unicode text without NUL characters", Expected);
        }
        return text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
