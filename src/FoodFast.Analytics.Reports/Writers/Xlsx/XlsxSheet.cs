using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace FoodFast.Analytics.Reports.Writers.Xlsx;

/// <summary>One worksheet written top to bottom with the SAX-style <see cref="OpenXmlWriter"/>: nothing is kept in memory.</summary>
internal sealed class XlsxSheet : IDisposable
{
    private readonly Stream part;
    private readonly OpenXmlWriter xml;
    private readonly bool autoFilter;
    private int columnCount;

    /// <param name="frozenHeader">A data sheet: the first row written is a header, frozen, and the autofilter covers every row.</param>
    public XlsxSheet(Stream part, IReadOnlyList<double> widths, bool frozenHeader)
    {
        this.part = part;
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

    public int RowCount { get; private set; }

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

    public void Dispose()
    {
        xml.Dispose();
        part.Dispose();
    }
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
