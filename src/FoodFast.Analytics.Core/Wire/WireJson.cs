using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FoodFast.Analytics.Core.Wire;

/// <summary>
/// JSON on the wire, in the ingest log and in sample files: camelCase names, snake_case enum values,
/// timestamps in ISO-8601 UTC, nulls omitted.
/// </summary>
public static class WireJson
{
    public static JsonSerializerOptions Options { get; } = Frozen();

    public static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.Converters.Add(new UtcDateTimeOffsetConverter());
        options.Converters.Add(new StorableStringConverter());
    }

    /// <summary>A fresh, writable copy of the wire options.</summary>
    public static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Apply(options);
        return options;
    }

    private static JsonSerializerOptions Frozen()
    {
        var options = Create();
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Writes every instant in UTC with a <c>Z</c>, whatever offset it was built with.</summary>
    private sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDateTimeOffset();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
    }
}
