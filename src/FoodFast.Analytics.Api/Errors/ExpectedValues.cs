using FoodFast.Analytics.Core.Orders;
using FoodFast.Analytics.Core.Wire;

namespace FoodFast.Analytics.Api.Errors;

/// <summary>
/// What a parameter or JSON value of a .NET type must look like, in the caller's words. The binder and the serializer
/// name types their own way (<c>DateTimeOffset?</c>, <c>System.Nullable`1[System.DateTimeOffset]</c>,
/// <c>System.Collections.Generic.IReadOnlyList`1[System.String]</c>); both are read here.
/// </summary>
internal static class ExpectedValues
{
    public static string Describe(string typeName)
    {
        var name = typeName.Replace("System.", "", StringComparison.Ordinal).Replace("Nullable`1[", "", StringComparison.Ordinal)
            .Replace("Nullable<", "", StringComparison.Ordinal).TrimEnd('?', ']', '>');
        if (name.Contains("List`1[", StringComparison.Ordinal) || name.Contains("Enumerable`1[", StringComparison.Ordinal)
            || name.Contains("Collection`1[", StringComparison.Ordinal) || typeName.EndsWith("[]", StringComparison.Ordinal))
        {
            return name.Contains("String", StringComparison.Ordinal) || name.Contains("string", StringComparison.Ordinal) ? "a JSON array of strings" : "a JSON array";
        }
        if (name.Contains("Dictionary", StringComparison.Ordinal))
        {
            return "a JSON object";
        }
        var last = name[(name.LastIndexOf('.') + 1)..];
        return last switch
        {
            "DateTimeOffset" or "DateTime" => IsoTime.Expected,
            "DateOnly" => "an ISO-8601 date such as 2026-11-21",
            "Int32" or "Int64" or "Int16" or "int" or "long" or "short" => "a whole number",
            "Decimal" or "decimal" => Money.Expected,
            "Double" or "Single" or "double" or "float" => "a number",
            "Boolean" or "bool" => "true or false",
            "Guid" => "a UUID such as 5b6f3c0e-8d7e-4a52-9c8e-2f8b1f7a9e10",
            "String" or "string" => "a string",
            _ => EnumValues(name) is { } values ? $"one of {values}" : $"a JSON object ({last})",
        };
    }

    /// <summary>The wire names of an enum type named in a message, or null when the name is not one of our enums.</summary>
    private static string? EnumValues(string name)
    {
        var type = typeof(Core.Queries.AnalyticsQuery).Assembly.GetTypes().FirstOrDefault(t => t.IsEnum && (t.FullName == name || t.Name == name));
        return type is null ? null : string.Join(", ", Enum.GetNames(type).Select(n => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(n)));
    }
}
