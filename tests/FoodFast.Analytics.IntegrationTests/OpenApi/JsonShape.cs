using System.Text.Json;

namespace FoodFast.Analytics.IntegrationTests.OpenApi;

/// <summary>
/// Compares a documented example with a real answer by shape: the same property names (a property the example
/// shows may be absent from the answer, which omits nulls; the answer may hold none the example lacks), the same
/// JSON types where both hold a value, the same column names in a typed table, array items position by position.
/// </summary>
public static class JsonShape
{
    public static List<string> Differences(JsonElement example, JsonElement actual)
    {
        var differences = new List<string>();
        Compare(example, actual, "$", differences);
        return differences;
    }

    private static void Compare(JsonElement example, JsonElement actual, string path, List<string> differences)
    {
        if (example.ValueKind == JsonValueKind.Null || actual.ValueKind == JsonValueKind.Null)
        {
            return;
        }
        if (Kind(example) != Kind(actual))
        {
            differences.Add($"{path}: documented {Kind(example)}, answered {Kind(actual)}");
            return;
        }
        if (actual.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in actual.EnumerateObject())
            {
                if (example.TryGetProperty(property.Name, out var documented))
                {
                    Compare(documented, property.Value, $"{path}.{property.Name}", differences);
                }
                else
                {
                    differences.Add($"{path}.{property.Name}: answered but not documented");
                }
            }
            if (actual.TryGetProperty("columns", out var columns) && example.TryGetProperty("columns", out var documentedColumns)
                && !Names(columns).SequenceEqual(Names(documentedColumns)))
            {
                differences.Add($"{path}.columns: documented [{string.Join(", ", Names(documentedColumns))}], answered [{string.Join(", ", Names(columns))}]");
            }
        }
        else if (actual.ValueKind == JsonValueKind.Array && actual.GetArrayLength() > 0)
        {
            var last = actual.GetArrayLength() - 1;
            var i = 0;
            foreach (var item in example.EnumerateArray())
            {
                Compare(item, actual[Math.Min(i, last)], $"{path}[{i}]", differences);
                i++;
            }
        }
    }

    private static IEnumerable<string?> Names(JsonElement columns) =>
        columns.EnumerateArray().Select(c => c.ValueKind == JsonValueKind.Object && c.TryGetProperty("name", out var n) ? n.GetString() : null);

    private static string Kind(JsonElement value) => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? "boolean" : value.ValueKind.ToString().ToLowerInvariant();
}
