using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FoodFast.Analytics.Core.Queries;

/// <summary>
/// One cell of a <see cref="QueryResult"/>: text (a bucket, a dimension's key or label), an exact number (a metric or a
/// change), or empty. In JSON it is a string, a number or null, and it reads back as the same cell, so a result served
/// from the query cache and a fresh one hold equal cells of the same kinds (money keeps its scale: 12.50 stays 12.50).
/// </summary>
[JsonConverter(typeof(ResultCellJsonConverter))]
public readonly record struct ResultCell
{
    private ResultCell(string? text, decimal? number) => (Text, Number) = (text, number);

    /// <summary>The cell's text; null when it holds a number or nothing.</summary>
    public string? Text { get; }

    /// <summary>The cell's number; null when it holds text or nothing.</summary>
    public decimal? Number { get; }

    public static ResultCell Empty => default;

    public bool IsEmpty => Text is null && Number is null;

    /// <summary>The text, the number or null, for consumers that take any value (the report writers).</summary>
    public object? Value => Text ?? (object?)Number;

    public static implicit operator ResultCell(string? text) => new(text, null);

    public static implicit operator ResultCell(decimal? number) => new(null, number);

    /// <summary>The text, or the number in invariant culture with its scale ("12.50"); "" when empty.</summary>
    public override string ToString() => Text ?? Number?.ToString(CultureInfo.InvariantCulture) ?? "";
}

/// <summary>The one JSON form of a <see cref="ResultCell"/>: a string, a number (read back as an exact decimal) or null.</summary>
internal sealed class ResultCellJsonConverter : JsonConverter<ResultCell>
{
    public override ResultCell Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => ResultCell.Empty,
        JsonTokenType.Number => reader.GetDecimal(),
        JsonTokenType.String => reader.GetString(),
        _ => throw new JsonException($"A result cell is a string, a number or null, not {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, ResultCell value, JsonSerializerOptions options)
    {
        if (value.Text is { } text)
        {
            writer.WriteStringValue(text);
        }
        else if (value.Number is { } number)
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
