using FoodFast.Analytics.Reports.Documents;

namespace FoodFast.Analytics.Reports.Writers.Xlsx;

/// <summary>
/// An Excel workbook: a "Summary" sheet first, then each table on its own sheets, streamed row by row.
/// A table longer than <see cref="MaxDataRowsPerSheet"/> continues on "Name (2)", "Name (3)", ... each with its header.
/// </summary>
public sealed class XlsxReportWriter : IReportWriter
{
    /// <summary>Excel's limit of 1,048,576 rows per sheet, minus the header row.</summary>
    public const int ExcelMaxDataRows = 1_048_575;

    public XlsxReportWriter(int maxDataRowsPerSheet = ExcelMaxDataRows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDataRowsPerSheet, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxDataRowsPerSheet, ExcelMaxDataRows);
        MaxDataRowsPerSheet = maxDataRowsPerSheet;
    }

    public int MaxDataRowsPerSheet { get; }
    public string Format => "xlsx";
    public string ContentType => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public string FileExtension => ".xlsx";

    public async Task WriteAsync(ReportDocument document, Stream destination, IProgress<ReportProgress>? progress, CancellationToken cancellationToken)
    {
        using var package = new XlsxPackage(destination);
        var styles = XlsxStyles.For(document);
        package.WriteStyles(styles.ToStylesheet());
        XlsxSummarySheet.Write(package, document, styles);
        var names = new SheetNames();
        names.Claim(XlsxSummarySheet.Name);
        var rows = new RowProgress(progress);
        foreach (var table in document.Tables)
        {
            await WriteTableAsync(package, table, document.Period, styles, names, rows, cancellationToken);
        }
        package.Finish();
        rows.Completed();
    }

    private async Task WriteTableAsync(
        XlsxPackage package, ReportTable table, ReportPeriod period, XlsxStyles styles, SheetNames names, RowProgress rows, CancellationToken cancellationToken)
    {
        var header = table.Columns.Select(c => XlsxCell.Text(c.Name, XlsxStyles.Header)).ToArray();
        var widths = table.Columns.Select(Width).ToList();
        var columnStyles = table.Columns.Select(styles.For).ToArray();
        var types = table.Columns.Select(c => c.Type).ToArray();
        var cells = new XlsxCell[table.Columns.Count];
        XlsxSheet NewSheet()
        {
            var sheet = package.AddSheet(names.Next(table.Name), widths, dataSheet: true, period);
            sheet.WriteRow(header);
            return sheet;
        }

        var sheet = NewSheet();
        try
        {
            await foreach (var row in table.Rows.WithCancellation(cancellationToken))
            {
                // The row source may ignore the token; the writer must not.
                cancellationToken.ThrowIfCancellationRequested();
                if (sheet.RowCount > MaxDataRowsPerSheet)
                {
                    sheet.Finish();
                    sheet.Dispose();
                    sheet = NewSheet();
                }
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = new XlsxCell(row[i], types[i], columnStyles[i]);
                }
                sheet.WriteRow(cells);
                rows.RowWritten();
            }
            sheet.Finish();
        }
        finally
        {
            sheet.Dispose();
        }
    }

    // Excel widths are in characters; rows are streamed, so widths come from the type and the header, not the data.
    private static double Width(ReportColumn column) => Math.Max(column.Name.Length + 4, column.Type switch
    {
        ColumnType.Text => 28,
        ColumnType.Integer => 12,
        ColumnType.Decimal or ColumnType.Money => 16,
        ColumnType.Date => 12,
        ColumnType.DateTime => 20,
        _ => 10,
    });
}
