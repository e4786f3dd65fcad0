using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace FoodFast.Analytics.Reports.Writers.Xlsx;

/// <summary>One worksheet written top to bottom with the SAX-style <see cref="OpenXmlWriter"/>: nothing is kept in memory.</summary>
internal sealed class XlsxSheet : IDisposable
{
    private readonly OpenXmlWriter xml;
    private readonly bool autoFilter;
    private int columnCount;

    private XlsxSheet(WorksheetPart part, string name, IReadOnlyList<double> widths, bool frozenHeader)
    {
        Part = part;
        Name = name;
        autoFilter = frozenHeader;
        xml = OpenXmlWriter.Create(part);
        xml.WriteStartElement(new Worksheet());
        if (frozenHeader)
        {
            xml.WriteElement(new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
            { WorkbookViewId = 0 }));
        }
        xml.WriteElement(new Columns(widths.Select((width, i) =>
            new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = width, CustomWidth = true })));
        xml.WriteStartElement(new SheetData());
    }

    public WorksheetPart Part { get; }
    public string Name { get; }
    public int RowCount { get; private set; }

    /// <summary>A data sheet: bold frozen header row, and an autofilter over every row once it is finished.</summary>
    public static XlsxSheet Data(WorkbookPart workbook, string name, IReadOnlyList<string> header, IReadOnlyList<double> widths)
    {
        var sheet = new XlsxSheet(workbook.AddNewPart<WorksheetPart>(), name, widths, frozenHeader: true);
        sheet.WriteRow(header.Select(title => XlsxCells.Text(title, XlsxStyles.Header)));
        return sheet;
    }

    public static XlsxSheet Plain(WorkbookPart workbook, string name, IReadOnlyList<double> widths) =>
        new(workbook.AddNewPart<WorksheetPart>(), name, widths, frozenHeader: false);

    public void WriteRow(IEnumerable<Cell> cells)
    {
        RowCount++;
        xml.WriteStartElement(new Row { RowIndex = (uint)RowCount });
        var column = 0;
        foreach (var cell in cells)
        {
            cell.CellReference = XlsxReference.Of(column++, RowCount);
            xml.WriteElement(cell);
        }
        columnCount = Math.Max(columnCount, column);
        xml.WriteEndElement();
    }

    public void Finish()
    {
        xml.WriteEndElement(); // sheetData
        if (autoFilter && columnCount > 0)
        {
            xml.WriteElement(new AutoFilter { Reference = $"A1:{XlsxReference.Of(columnCount - 1, RowCount)}" });
        }
        xml.WriteEndElement(); // worksheet
        xml.Close();
    }

    public void Dispose() => xml.Dispose();
}

internal static class XlsxReference
{
    /// <summary>"A1"-style reference of a zero-based column and a one-based row.</summary>
    public static string Of(int column, int row) => ColumnName(column) + row.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string ColumnName(int column)
    {
        var name = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }
        return name;
    }
}
