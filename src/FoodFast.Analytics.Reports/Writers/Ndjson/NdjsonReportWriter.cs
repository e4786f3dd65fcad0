using System.Buffers;
using System.Text.Json;
using FoodFast.Analytics.Reports.Documents;
using FoodFast.Analytics.Reports.Writers.Csv;

namespace FoodFast.Analytics.Reports.Writers.Ndjson;

/// <summary>
/// The main table as NDJSON: one JSON object per row, keyed by column name, values as in the CSV (numbers stay numbers,
/// instants ISO-8601 UTC). Written in 64 KiB blocks as the rows are read. Streamed exports only, not a report format.
/// </summary>
public sealed class NdjsonReportWriter : IRowStreamingWriter
{
    public string Format => "ndjson";
    public string ContentType => "application/x-ndjson";
    public string FileExtension => ".ndjson";

    public async Task WriteAsync(ReportDocument document, Stream destination, IProgress<ReportProgress>? progress, CancellationToken cancellationToken)
    {
        var table = document.MainTable;
        var columns = table.Columns;
        var rows = new RowProgress(progress);
        var buffer = new ArrayBufferWriter<byte>(1 << 17);
        await using var json = new Utf8JsonWriter(buffer);
        await foreach (var row in table.Rows.WithCancellation(cancellationToken))
        {
            json.WriteStartObject();
            for (var i = 0; i < columns.Count; i++)
            {
                var text = CsvReportWriter.Field(columns[i].Type, row[i]);
                json.WritePropertyName(columns[i].Name);
                if (text is null)
                {
                    json.WriteNullValue();
                }
                else if (columns[i].Type is ColumnType.Integer or ColumnType.Decimal)
                {
                    json.WriteRawValue(text, skipInputValidation: true);
                }
                else
                {
                    json.WriteStringValue(text);
                }
            }
            json.WriteEndObject();
            json.Flush();
            json.Reset(buffer);
            buffer.Write("\n"u8);
            rows.RowWritten();
            if (buffer.WrittenCount >= 1 << 16)
            {
                await destination.WriteAsync(buffer.WrittenMemory, cancellationToken);
                buffer.ResetWrittenCount();
            }
        }
        await destination.WriteAsync(buffer.WrittenMemory, cancellationToken);
        await destination.FlushAsync(cancellationToken);
        rows.Completed();
    }
}
