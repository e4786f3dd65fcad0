using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace FoodFast.Analytics.Reports.Writers.Xlsx;

/// <summary>One worksheet written top to bottom with the SAX-style <see cref="OpenXmlWriter"/>: nothing is kept in memory.</summary>
internal sealed class XlsxSheet : IDisposable
{
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";
    private static readonly OpenXmlAttribute InlineStringType = new("t", "", "inlineStr");
    private static readonly OpenXmlAttribute PreserveSpace = new("xml", "space", XmlNamespace, "preserve");

    private readonly Stream part;
    private readonly OpenXmlWriter xml;
    private readonly bool autoFilter;
    private readonly List<string> columnNames = [];
    private readonly List<OpenXmlAttribute> attributes = new(3);
    private readonly Dictionary<uint, OpenXmlAttribute> styleAttributes = [];

    // Elements are written as start tag + attributes + text: one set per sheet, no element tree per cell.
    private readonly Row row = new();
    private readonly Cell cell = new();
    private readonly CellValue value = new();
    private readonly InlineString inline = new();
    private readonly Text text = new();
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

    public void WriteRow(IEnumerable<XlsxCell> cells)
    {
        RowCount++;
        var rowNumber = RowCount.ToString(CultureInfo.InvariantCulture);
        xml.WriteStartElement(row, [new OpenXmlAttribute("r", "", rowNumber)]);
        var column = 0;
        foreach (var cellValue in cells)
        {
            WriteCell(cellValue, ColumnName(column++) + rowNumber);
        }
        columnCount = Math.Max(columnCount, column);
        xml.WriteEndElement();
    }

    private void WriteCell(XlsxCell content, string reference)
    {
        attributes.Clear();
        attributes.Add(new OpenXmlAttribute("r", "", reference));
        if (content.Style != 0)
        {
            attributes.Add(StyleAttribute(content.Style));
        }
        if (content.Text is not null)
        {
            attributes.Add(InlineStringType);
        }
        xml.WriteStartElement(cell, attributes);
        if (content.Number is not null)
        {
            xml.WriteStartElement(value);
            xml.WriteString(content.Number);
            xml.WriteEndElement();
        }
        else if (content.Text is { } t)
        {
            xml.WriteStartElement(inline);
            var edgeSpace = t.Length > 0 && (char.IsWhiteSpace(t[0]) || char.IsWhiteSpace(t[^1]));
            xml.WriteStartElement(text, edgeSpace ? [PreserveSpace] : []);
            xml.WriteString(t);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private OpenXmlAttribute StyleAttribute(uint style)
    {
        if (!styleAttributes.TryGetValue(style, out var attribute))
        {
            attribute = new OpenXmlAttribute("s", "", style.ToString(CultureInfo.InvariantCulture));
            styleAttributes[style] = attribute;
        }
        return attribute;
    }

    private string ColumnName(int column)
    {
        while (columnNames.Count <= column)
        {
            columnNames.Add(XlsxReference.ColumnName(columnNames.Count));
        }
        return columnNames[column];
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

/// <summary>What goes in one cell: a number (already in invariant form, with a number format style), text, or nothing.</summary>
internal readonly record struct XlsxCell(string? Text, string? Number, uint Style);

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
