using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace FoodFast.Analytics.UnitTests.Reports;

/// <summary>Reads what the XLSX writer produced back through the OpenXML SDK.</summary>
internal sealed class XlsxWorkbook(SpreadsheetDocument document) : IDisposable
{
    public static XlsxWorkbook Open(byte[] bytes) => new(SpreadsheetDocument.Open(new MemoryStream(bytes), false));

    private WorkbookPart Workbook => document.WorkbookPart!;

    public IReadOnlyList<string> SheetNames => Workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();

    public Worksheet Sheet(string name)
    {
        var sheet = Workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)Workbook.GetPartById(sheet.Id!)).Worksheet;
    }

    public static IReadOnlyList<Row> Rows(Worksheet sheet) => sheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();

    public static Cell Cell(Worksheet sheet, string reference) =>
        sheet.Descendants<Cell>().Single(c => c.CellReference == reference);

    /// <summary>The text of an inline-string cell or the raw number of a numeric one.</summary>
    public static string Value(Cell cell) =>
        cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? "";

    public static IReadOnlyList<string> Values(Row row) => row.Elements<Cell>().Select(Value).ToList();

    /// <summary>The number format code of the cell's style (built-in ids answered by their documented code).</summary>
    public string FormatCode(Cell cell)
    {
        var format = CellFormat(cell);
        var id = format.NumberFormatId?.Value ?? 0;
        var custom = Workbook.WorkbookStylesPart!.Stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .SingleOrDefault(f => f.NumberFormatId?.Value == id);
        return custom?.FormatCode?.Value ?? id switch { 0 => "General", 3 => "#,##0", 10 => "0.00%", _ => $"built-in {id}" };
    }

    public bool IsBold(Cell cell)
    {
        var font = Workbook.WorkbookStylesPart!.Stylesheet.Fonts!.Elements<Font>().ElementAt((int)(CellFormat(cell).FontId?.Value ?? 0));
        return font.Bold is not null;
    }

    private CellFormat CellFormat(Cell cell) =>
        Workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));

    public void Dispose() => document.Dispose();
}
