namespace FoodFast.Analytics.Reports.Documents;

/// <summary>
/// A table whose rows are streamed: <see cref="Rows"/> is enumerated once, by one writer, so a table of
/// millions of rows never sits in memory. Each row has one value per column, in column order.
/// </summary>
public sealed record ReportTable(string Name, IReadOnlyList<ReportColumn> Columns, IAsyncEnumerable<object?[]> Rows)
{
    /// <summary>Totals over the whole table (null cells stay empty), computed by whoever built the report. Not in CSV.</summary>
    public IReadOnlyList<object?>? Totals { get; init; }

    /// <summary>The same rows as the store's own CSV, which the CSV writer copies instead of formatting <see cref="Rows"/>.</summary>
    public StoreCsv? StoreCsv { get; init; }
}

/// <param name="Open">The store's CSV of the rows (see <c>IExportSource.OpenCsvAsync</c>), or null when it has none.</param>
/// <param name="TimeColumn">The column whose instants <paramref name="OnTime"/> sees as the rows go by (for progress).</param>
public sealed record StoreCsv(Func<CancellationToken, Task<TextReader?>> Open, int TimeColumn, Action<DateTimeOffset>? OnTime);

/// <param name="Currency">ISO 4217 code of a <see cref="ColumnType.Money"/> column; null otherwise.</param>
public sealed record ReportColumn(string Name, ColumnType Type, string? Currency = null)
{
    public static ReportColumn Money(string name, string currency) => new(name, ColumnType.Money, currency);
}

/// <summary>What a column holds, and which CLR values a row may carry for it (null is always allowed).</summary>
public enum ColumnType
{
    /// <summary>Anything; rendered with the invariant culture.</summary>
    Text,

    /// <summary>int, long, short, byte (and their unsigned forms).</summary>
    Integer,

    /// <summary>decimal, double, float or an integer.</summary>
    Decimal,

    /// <summary>decimal in the column's currency.</summary>
    Money,

    /// <summary>A calendar day: DateOnly, or the date part of a DateTime or DateTimeOffset.</summary>
    Date,

    /// <summary>An instant: DateTimeOffset, or a DateTime in UTC (Unspecified counts as UTC).</summary>
    DateTime,

    /// <summary>A fraction: 0.125 is 12.5 %.</summary>
    Percent,
}
