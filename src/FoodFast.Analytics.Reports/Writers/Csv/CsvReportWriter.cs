using System.Globalization;
using System.Text;
using FoodFast.Analytics.Reports.Documents;

namespace FoodFast.Analytics.Reports.Writers.Csv;

/// <summary>
/// The main table as RFC 4180 CSV: UTF-8 with a byte-order mark (so Excel reads the umlauts), CRLF line ends,
/// a header row, invariant culture ('.' decimal point, no thousands separator), dates as <c>yyyy-MM-dd</c>,
/// instants as ISO-8601 UTC with <c>Z</c>, percentages as fractions (0.125). KPIs and charts are not in CSV.
/// </summary>
public sealed class CsvReportWriter : IReportWriter
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    public string Format => "csv";
    public string ContentType => "text/csv; charset=utf-8";
    public string FileExtension => ".csv";

    public async Task WriteAsync(ReportDocument document, Stream destination, IProgress<ReportProgress>? progress, CancellationToken cancellationToken)
    {
        var table = document.MainTable;
        var rows = new RowProgress(progress);
        await using var writer = new StreamWriter(destination, Utf8WithBom, bufferSize: 1 << 16, leaveOpen: true);
        // Each record is built in memory and written asynchronously, so the destination may be an HTTP response.
        var record = new StringBuilder();

        AppendRecord(record, table.Columns.Select(column => (string?)column.Name));
        await writer.WriteAsync(record, cancellationToken);
        await foreach (var row in table.Rows.WithCancellation(cancellationToken))
        {
            AppendRecord(record.Clear(), table.Columns.Select((column, i) => Field(column.Type, row[i])));
            await writer.WriteAsync(record, cancellationToken);
            rows.RowWritten();
        }
        await writer.FlushAsync(cancellationToken);
        rows.Completed();
    }

    /// <summary>A value as CSV text (invariant, ISO dates); null stays null. JSON exports use the same text.</summary>
    public static string? Field(ColumnType type, object? value) => value is null ? null : type switch
    {
        ColumnType.Integer => ReportValues.ToInteger(value).ToString(CultureInfo.InvariantCulture),
        ColumnType.Decimal or ColumnType.Money or ColumnType.Percent =>
            value is double or float
                ? Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)
                : ReportValues.ToDecimal(value).ToString(CultureInfo.InvariantCulture),
        ColumnType.Date => ReportValues.ToDate(value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ColumnType.DateTime => ReportValues.ToUtc(value).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        _ => ReportValues.ToText(value),
    };

    private static void AppendRecord(StringBuilder record, IEnumerable<string?> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                record.Append(',');
            }
            first = false;
            AppendField(record, field ?? "");
        }
        record.Append("\r\n");
    }

    // RFC 4180: a field with a comma, quote or line break is quoted, and its quotes are doubled.
    private static void AppendField(StringBuilder record, string field)
    {
        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            record.Append(field);
            return;
        }
        record.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
