using System.Globalization;
using FoodFast.Analytics.Reports.Documents;

namespace FoodFast.Analytics.Reports.Writers.Xlsx;

/// <summary>Typed cells: numbers and dates as numbers with a number format, text as inline strings.</summary>
internal static class XlsxCells
{
    public static XlsxCell Text(string text, uint style = 0) => new(XmlSafe(text), null, style);

    /// <summary>A cell for <paramref name="value"/> as <paramref name="column"/> types it; instants in the report's time zone.</summary>
    public static XlsxCell Typed(ReportColumn column, object? value, uint style, ReportPeriod period)
    {
        if (value is null)
        {
            return new XlsxCell(null, null, style);
        }
        return column.Type switch
        {
            ColumnType.Integer => Number(ReportValues.ToInteger(value).ToString(CultureInfo.InvariantCulture), style),
            ColumnType.Decimal or ColumnType.Money or ColumnType.Percent => Number(
                value is double or float
                    ? Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)
                    : ReportValues.ToDecimal(value).ToString(CultureInfo.InvariantCulture), style),
            ColumnType.Date => Serial(ReportValues.ToDate(value).ToDateTime(TimeOnly.MinValue), style),
            ColumnType.DateTime => Serial(period.ToLocal(ReportValues.ToUtc(value)), style),
            _ => Text(ReportValues.ToText(value), style),
        };
    }

    private static XlsxCell Number(string number, uint style) => new(null, number, style);

    // Excel stores dates as days since 1899-12-30 (the OLE Automation date).
    private static XlsxCell Serial(DateTime local, uint style) =>
        Number(local.ToOADate().ToString("R", CultureInfo.InvariantCulture), style);

    // XML 1.0 cannot carry most control characters; a stray one in a product name must not corrupt the file.
    private static string XmlSafe(string text) =>
        text.Any(c => c < ' ' && c is not ('\t' or '\n' or '\r'))
            ? new string(text.Where(c => c >= ' ' || c is '\t' or '\n' or '\r').ToArray())
            : text;
}
