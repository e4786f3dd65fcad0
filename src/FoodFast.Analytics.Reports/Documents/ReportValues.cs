using System.Globalization;

namespace FoodFast.Analytics.Reports.Documents;

/// <summary>Reads a cell value as its column type says; a value of another type is a bug in the report builder.</summary>
public static class ReportValues
{
    public static decimal ToDecimal(object value) => value switch
    {
        decimal d => d,
        double d => (decimal)d,
        float f => (decimal)f,
        _ => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
    };

    public static long ToInteger(object value) => value switch
    {
        int i => i,
        long l => l,
        _ => Convert.ToInt64(value, CultureInfo.InvariantCulture),
    };

    public static DateOnly ToDate(object value) => value switch
    {
        DateOnly d => d,
        DateTime d => DateOnly.FromDateTime(d),
        DateTimeOffset d => DateOnly.FromDateTime(d.DateTime),
        _ => throw Unexpected(value, ColumnType.Date),
    };

    public static DateTime ToUtc(object value) => value switch
    {
        DateTimeOffset d => d.UtcDateTime,
        DateTime { Kind: DateTimeKind.Local } d => d.ToUniversalTime(),
        DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Utc),
        _ => throw Unexpected(value, ColumnType.DateTime),
    };

    public static string ToText(object value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";

    private static InvalidCastException Unexpected(object value, ColumnType type) =>
        new($"A {type} column cannot hold a {value.GetType().Name} ('{value}').");
}
