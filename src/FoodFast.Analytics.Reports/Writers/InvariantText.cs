using System.Globalization;
using FoodFast.Analytics.Reports.Documents;

namespace FoodFast.Analytics.Reports.Writers;

/// <summary>
/// Numbers, dates and instants as the text CSV, JSON and XLSX share: invariant culture ('.' decimal point, no
/// thousands separator), decimals with their scale (13.50), doubles round-trip, dates <c>yyyy-MM-dd</c>, instants
/// ISO-8601 UTC with <c>Z</c> and only the fraction digits that are not zero. Formatted as ASCII bytes in place.
/// </summary>
internal static class InvariantText
{
    /// <summary>Room any value needs: a decimal takes at most 31 characters, a double 24, an instant 28.</summary>
    public const int MaxLength = 64;

    /// <summary>Writes <paramref name="value"/> (not null) of a column that is not <see cref="ColumnType.Text"/>; returns the byte count.</summary>
    public static int Format(ColumnType type, object value, Span<byte> destination)
    {
        int written;
        var fits = type switch
        {
            ColumnType.Integer => ReportValues.ToInteger(value).TryFormat(destination, out written, default, CultureInfo.InvariantCulture),
            ColumnType.Decimal or ColumnType.Money or ColumnType.Percent => value is double or float
                ? Convert.ToDouble(value, CultureInfo.InvariantCulture).TryFormat(destination, out written, "R", CultureInfo.InvariantCulture)
                : ReportValues.ToDecimal(value).TryFormat(destination, out written, default, CultureInfo.InvariantCulture),
            ColumnType.Date => ReportValues.ToDate(value).TryFormat(destination, out written, "O", CultureInfo.InvariantCulture),
            ColumnType.DateTime => TryFormatInstant(ReportValues.ToUtc(value), destination, out written),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "text is written as it is"),
        };
        return fits ? written : throw new ArgumentException($"{MaxLength} bytes are too few for a {type}.", nameof(destination));
    }

    /// <summary>The text of a value that is not null; text columns as they are.</summary>
    public static string ToString(ColumnType type, object value)
    {
        if (type == ColumnType.Text)
        {
            return ReportValues.ToText(value);
        }
        Span<byte> text = stackalloc byte[MaxLength];
        return System.Text.Encoding.ASCII.GetString(text[..Format(type, value, text)]);
    }

    // "O" is the fast ISO form (2026-11-03T09:15:30.2500000Z); trailing zeros of the fraction go, and its '.' when all do.
    private static bool TryFormatInstant(DateTime utc, Span<byte> destination, out int written)
    {
        if (!utc.TryFormat(destination, out written, "O", CultureInfo.InvariantCulture) || written != 28)
        {
            return false;
        }
        const int fractionStart = 20, zone = 27;
        var end = zone;
        while (end > fractionStart && destination[end - 1] == (byte)'0')
        {
            end--;
        }
        if (end == fractionStart)
        {
            end--;
        }
        destination[end] = (byte)'Z';
        written = end + 1;
        return true;
    }
}
