using System.Globalization;
using FoodFast.Analytics.Reports.Documents;

namespace FoodFast.Analytics.Reports.Writers.Html;

/// <summary>Values as people read them: "1,234.50 EUR", "12.5 %", instants in the report's time zone. Invariant culture.</summary>
internal static class DisplayText
{
    public static string Format(ReportColumn column, object? value, ReportPeriod period) => value is null ? "" : column.Type switch
    {
        ColumnType.Integer => ReportValues.ToInteger(value).ToString("#,##0", CultureInfo.InvariantCulture),
        ColumnType.Decimal => ReportValues.ToDecimal(value).ToString("#,##0.00##", CultureInfo.InvariantCulture),
        ColumnType.Money => $"{ReportValues.ToDecimal(value).ToString("#,##0.00", CultureInfo.InvariantCulture)} {column.Currency}".TrimEnd(),
        ColumnType.Percent => ReportValues.ToDecimal(value).ToString("#,##0.0 %", CultureInfo.InvariantCulture),
        ColumnType.Date => ReportValues.ToDate(value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ColumnType.DateTime => period.ToLocal(ReportValues.ToUtc(value)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        _ => ReportValues.ToText(value),
    };

    public static bool IsNumeric(ColumnType type) => type is ColumnType.Integer or ColumnType.Decimal or ColumnType.Money or ColumnType.Percent;

    /// <summary>Axis labels: 950, 1.2k, 3.4M.</summary>
    public static string Compact(double value)
    {
        var magnitude = Math.Abs(value);
        return magnitude switch
        {
            >= 1e9 => (value / 1e9).ToString("0.#", CultureInfo.InvariantCulture) + "G",
            >= 1e6 => (value / 1e6).ToString("0.#", CultureInfo.InvariantCulture) + "M",
            >= 1e3 => (value / 1e3).ToString("0.#", CultureInfo.InvariantCulture) + "k",
            _ => value.ToString("0.##", CultureInfo.InvariantCulture),
        };
    }
}
