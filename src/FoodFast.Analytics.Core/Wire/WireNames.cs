using System.Collections.Frozen;
using System.Text.Json;

namespace FoodFast.Analytics.Core.Wire;

/// <summary>
/// The one spelling of enum values outside C#: snake_case (<c>cash_on_delivery</c>), the same in JSON,
/// Postgres columns and Elasticsearch keywords.
/// </summary>
public static class WireNames
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        Table<TEnum>.ByValue.TryGetValue(value, out var name) ? name : Table<TEnum>.Name(value);

    public static bool TryParse<TEnum>(string? wire, out TEnum value) where TEnum : struct, Enum
    {
        if (wire is not null && Table<TEnum>.ByName.TryGetValue(wire, out value))
        {
            return true;
        }
        value = default;
        return false;
    }

    /// <summary>Every wire name of an enum, for error messages that list the valid values.</summary>
    public static IReadOnlyList<string> All<TEnum>() where TEnum : struct, Enum => Table<TEnum>.Names;

    // Built once per enum type: ingestion looks names up for every item and every stored row.
    private static class Table<TEnum> where TEnum : struct, Enum
    {
        public static readonly IReadOnlyList<string> Names = Enum.GetValues<TEnum>().Select(Name).ToArray();
        public static readonly FrozenDictionary<TEnum, string> ByValue = Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, Name);
        public static readonly FrozenDictionary<string, TEnum> ByName = Enum.GetValues<TEnum>().ToFrozenDictionary(Name, v => v, StringComparer.Ordinal);

        public static string Name(TEnum value) => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
    }
}
