using System.Buffers;
using FoodFast.Analytics.Reports.Documents;

namespace FoodFast.Analytics.Reports.Writers.Csv;

/// <summary>
/// The main table as RFC 4180 CSV: UTF-8 with a byte-order mark (so Excel reads the umlauts), CRLF line ends,
/// a header row, invariant culture ('.' decimal point, no thousands separator), dates as <c>yyyy-MM-dd</c>,
/// instants as ISO-8601 UTC with <c>Z</c>, percentages as fractions (0.125). KPIs and charts are not in CSV.
/// A table the store can give as CSV itself (<see cref="ReportTable.StoreCsv"/>) is copied, not formatted row by row.
/// </summary>
public sealed class CsvReportWriter : IRowStreamingWriter
{
    private static readonly SearchValues<char> NeedQuotes = SearchValues.Create(",\"\r\n");

    public string Format => "csv";
    public string ContentType => "text/csv; charset=utf-8";
    public string FileExtension => ".csv";

    public async Task WriteAsync(ReportDocument document, Stream destination, IProgress<ReportProgress>? progress, CancellationToken cancellationToken)
    {
        var table = document.MainTable;
        var types = table.Columns.Select(c => c.Type).ToArray();
        var rows = new RowProgress(progress);
        // Values are formatted straight into UTF-8 and written asynchronously in 64 KiB blocks, so the destination
        // may be an HTTP response.
        var buffer = new Utf8Buffer();
        buffer.Write("\uFEFF"u8);
        for (var i = 0; i < types.Length; i++)
        {
            Separate(buffer, i);
            WriteText(buffer, table.Columns[i].Name);
        }
        buffer.Write("\r\n"u8);
        if (table.StoreCsv is { } storeCsv && await storeCsv.Open(cancellationToken) is { } csv)
        {
            using (csv)
            {
                await new StoreCsvCopier(storeCsv, rows).CopyAsync(csv, buffer, destination, cancellationToken);
            }
        }
        else
        {
            await WriteRowsAsync(table, types, buffer, destination, rows, cancellationToken);
        }
        await buffer.FlushToAsync(destination, cancellationToken);
        await destination.FlushAsync(cancellationToken);
        rows.Completed();
    }

    private static async Task WriteRowsAsync(ReportTable table, ColumnType[] types, Utf8Buffer buffer, Stream destination, RowProgress rows,
        CancellationToken cancellationToken)
    {
        await foreach (var row in table.Rows.WithCancellation(cancellationToken))
        {
            // The row source may ignore the token; the writer must not.
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < types.Length; i++)
            {
                Separate(buffer, i);
                WriteField(buffer, types[i], row[i]);
            }
            buffer.Write("\r\n"u8);
            rows.RowWritten();
            if (buffer.IsFull)
            {
                await buffer.FlushToAsync(destination, cancellationToken);
            }
        }
    }

    /// <summary>A value as CSV text (invariant, ISO dates); null stays null. JSON exports use the same text.</summary>
    public static string? Field(ColumnType type, object? value) => value is null ? null : InvariantText.ToString(type, value);

    private static void Separate(Utf8Buffer buffer, int column)
    {
        if (column > 0)
        {
            buffer.Write((byte)',');
        }
    }

    private static void WriteField(Utf8Buffer buffer, ColumnType type, object? value)
    {
        if (value is null)
        {
            return;
        }
        if (type == ColumnType.Text)
        {
            WriteText(buffer, value as string ?? ReportValues.ToText(value));
            return;
        }
        buffer.Advance(InvariantText.Format(type, value, buffer.Reserve(InvariantText.MaxLength)));
    }

    // RFC 4180: a field with a comma, quote or line break is quoted, and its quotes are doubled.
    private static void WriteText(Utf8Buffer buffer, string field)
    {
        var rest = field.AsSpan();
        if (rest.IndexOfAny(NeedQuotes) < 0)
        {
            buffer.WriteText(rest);
            return;
        }
        buffer.Write((byte)'"');
        for (var quote = rest.IndexOf('"'); quote >= 0; quote = rest.IndexOf('"'))
        {
            buffer.WriteText(rest[..(quote + 1)]);
            buffer.Write((byte)'"');
            rest = rest[(quote + 1)..];
        }
        buffer.WriteText(rest);
        buffer.Write((byte)'"');
    }
}
