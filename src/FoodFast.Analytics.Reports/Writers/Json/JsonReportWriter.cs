using System.Text.Json;
using FoodFast.Analytics.Reports.Documents;
using FoodFast.Analytics.Reports.Writers.Csv;

namespace FoodFast.Analytics.Reports.Writers.Json;

/// <summary>
/// The whole document as one JSON object: title, shop, period, parameters, KPIs and every table with its columns,
/// rows (arrays in column order; numbers as JSON numbers, instants as ISO-8601 UTC) and totals. Streamed: the
/// writer flushes every few hundred rows, so a large table never sits in memory.
/// </summary>
public sealed class JsonReportWriter : IReportWriter
{
    public string Format => "json";
    public string ContentType => "application/json; charset=utf-8";
    public string FileExtension => ".json";

    public async Task WriteAsync(ReportDocument document, Stream destination, IProgress<ReportProgress>? progress, CancellationToken cancellationToken)
    {
        var rows = new RowProgress(progress);
        await using var json = new Utf8JsonWriter(destination);
        json.WriteStartObject();
        json.WriteString("title", document.Title);
        json.WriteString("shopId", document.ShopId);
        json.WriteStartObject("period");
        json.WriteString("from", document.Period.From.UtcDateTime);
        json.WriteString("to", document.Period.To.UtcDateTime);
        json.WriteString("timeZone", document.Period.TimeZone);
        json.WriteEndObject();
        json.WriteStartObject("parameters");
        foreach (var (key, value) in document.Parameters)
        {
            json.WriteString(key, value);
        }
        json.WriteEndObject();
        json.WriteStartArray("kpis");
        foreach (var kpi in document.Kpis)
        {
            json.WriteStartObject();
            json.WriteString("label", kpi.Label);
            json.WritePropertyName("value");
            WriteValue(json, kpi.Column, kpi.Value);
            if (kpi.Column.Type == ColumnType.Money)
            {
                json.WriteString("currency", kpi.Column.Currency);
            }
            json.WriteString("delta", kpi.Delta);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("tables");
        foreach (var table in document.Tables)
        {
            json.WriteStartObject();
            json.WriteString("name", table.Name);
            json.WriteStartArray("columns");
            foreach (var column in table.Columns)
            {
                json.WriteStartObject();
                json.WriteString("name", column.Name);
                json.WriteString("type", column.Type.ToString().ToLowerInvariant());
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("rows");
            await foreach (var row in table.Rows.WithCancellation(cancellationToken))
            {
                WriteValues(json, table.Columns, row);
                rows.RowWritten();
                if (json.BytesPending > 1 << 16)
                {
                    await json.FlushAsync(cancellationToken);
                }
            }
            json.WriteEndArray();
            if (table.Totals is { } totals)
            {
                json.WritePropertyName("totals");
                WriteValues(json, table.Columns, totals);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
        rows.Completed();
    }

    private static void WriteValues(Utf8JsonWriter json, IReadOnlyList<ReportColumn> columns, IReadOnlyList<object?> values)
    {
        json.WriteStartArray();
        for (var i = 0; i < columns.Count; i++)
        {
            WriteValue(json, columns[i], i < values.Count ? values[i] : null);
        }
        json.WriteEndArray();
    }

    private static void WriteValue(Utf8JsonWriter json, ReportColumn column, object? value)
    {
        var text = CsvReportWriter.Field(column.Type, value);
        if (text is null)
        {
            json.WriteNullValue();
        }
        else if (column.Type is ColumnType.Integer or ColumnType.Decimal or ColumnType.Money or ColumnType.Percent)
        {
            json.WriteRawValue(text, skipInputValidation: true);
        }
        else
        {
            json.WriteStringValue(text);
        }
    }
}
