using System.Buffers;
using System.Globalization;
using FoodFast.Analytics.Reports.Documents;

namespace FoodFast.Analytics.Reports.Writers.Xlsx;

/// <summary>
/// One worksheet written top to bottom as UTF-8 straight into its zip entry, 64 KiB at a time: nothing is kept in
/// memory, and no element, attribute or string is allocated per cell (the SDK's OpenXmlWriter did both, at a tenth
/// of the speed). The XML is what the SDK wrote, in the default namespace.
/// </summary>
internal sealed class XlsxSheet : IDisposable
{
    // XML 1.0 cannot carry most control characters, and a CR would be read back as LF unless escaped.
    private static readonly SearchValues<char> Special = SearchValues.Create(
        "&<>\r\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\uFFFE\uFFFF");

    private readonly Stream part;
    private readonly ReportPeriod period;
    private readonly bool autoFilter;
    private readonly Utf8Buffer buffer = new();
    private readonly List<byte[]> columnNames = [];
    private int columnCount;

    /// <param name="frozenHeader">A data sheet: the first row written is a header, frozen, and the autofilter covers every row.</param>
    /// <param name="period">Instants are written as wall-clock time in the period's time zone.</param>
    public XlsxSheet(Stream part, IReadOnlyList<double> widths, bool frozenHeader, ReportPeriod period)
    {
        this.part = part;
        this.period = period;
        autoFilter = frozenHeader;
        buffer.Write("""<?xml version="1.0" encoding="utf-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"""u8);
        if (frozenHeader)
        {
            buffer.Write("""<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>"""u8);
        }
        buffer.Write("<cols>"u8);
        for (var i = 1; i <= widths.Count; i++)
        {
            buffer.Write("<col min=\""u8);
            buffer.WriteInvariant(i);
            buffer.Write("\" max=\""u8);
            buffer.WriteInvariant(i);
            buffer.Write("\" width=\""u8);
            buffer.WriteInvariant(widths[i - 1], "R");
            buffer.Write("\" customWidth=\"1\"/>"u8);
        }
        buffer.Write("</cols><sheetData>"u8);
    }

    public int RowCount { get; private set; }

    public void WriteRow(ReadOnlySpan<XlsxCell> cells)
    {
        RowCount++;
        buffer.Write("<row r=\""u8);
        buffer.WriteInvariant(RowCount);
        buffer.Write("\">"u8);
        for (var column = 0; column < cells.Length; column++)
        {
            WriteCell(cells[column], column);
        }
        columnCount = Math.Max(columnCount, cells.Length);
        buffer.Write("</row>"u8);
        if (buffer.IsFull)
        {
            buffer.FlushTo(part);
        }
    }

    private void WriteCell(XlsxCell cell, int column)
    {
        buffer.Write("<c r=\""u8);
        buffer.Write(ColumnName(column));
        buffer.WriteInvariant(RowCount);
        buffer.Write((byte)'"');
        if (cell.Style != 0)
        {
            buffer.Write(" s=\""u8);
            buffer.WriteInvariant(cell.Style);
            buffer.Write((byte)'"');
        }
        switch (cell.Value is null ? null : (ColumnType?)cell.Type)
        {
            case null:
                buffer.Write("/>"u8);
                return;
            case ColumnType.Text:
                WriteInlineString(cell.Value as string ?? ReportValues.ToText(cell.Value!));
                break;
            case ColumnType.Date:
                WriteNumber(ReportValues.ToDate(cell.Value!).ToDateTime(TimeOnly.MinValue));
                break;
            case ColumnType.DateTime:
                WriteNumber(period.ToLocal(ReportValues.ToUtc(cell.Value!)));
                break;
            case var type:
                buffer.Write("><v>"u8);
                buffer.Advance(InvariantText.Format(type.Value, cell.Value!, buffer.Reserve(InvariantText.MaxLength)));
                buffer.Write("</v>"u8);
                break;
        }
        buffer.Write("</c>"u8);
    }

    // Excel stores dates as days since 1899-12-30 (the OLE Automation date).
    private void WriteNumber(DateTime local)
    {
        buffer.Write("><v>"u8);
        buffer.WriteInvariant(local.ToOADate(), "R");
        buffer.Write("</v>"u8);
    }

    private void WriteInlineString(string text)
    {
        var rest = text.AsSpan();
        // Without xml:space="preserve" Excel would trim the spaces at either end.
        var edgeSpace = rest.Length > 0 && (char.IsWhiteSpace(rest[0]) || char.IsWhiteSpace(rest[^1]));
        buffer.Write(edgeSpace ? """ t="inlineStr"><is><t xml:space="preserve">"""u8 : """ t="inlineStr"><is><t>"""u8);
        for (var special = rest.IndexOfAny(Special); special >= 0; special = rest.IndexOfAny(Special))
        {
            buffer.WriteText(rest[..special]);
            buffer.Write(rest[special] switch
            {
                '&' => "&amp;"u8,
                '<' => "&lt;"u8,
                '>' => "&gt;"u8,
                '\r' => "&#xD;"u8,
                _ => [], // a character XML cannot carry is dropped
            });
            rest = rest[(special + 1)..];
        }
        buffer.WriteText(rest);
        buffer.Write("</t></is>"u8);
    }

    private byte[] ColumnName(int column)
    {
        while (columnNames.Count <= column)
        {
            columnNames.Add(System.Text.Encoding.ASCII.GetBytes(XlsxReference.ColumnName(columnNames.Count)));
        }
        return columnNames[column];
    }

    public void Finish()
    {
        buffer.Write("</sheetData>"u8);
        if (autoFilter && columnCount > 0)
        {
            buffer.Write("""<autoFilter ref="A1:"""u8);
            buffer.WriteText(XlsxReference.Of(columnCount - 1, RowCount));
            buffer.Write("\"/>"u8);
        }
        buffer.Write("</worksheet>"u8);
        buffer.FlushTo(part);
    }

    public void Dispose() => part.Dispose();
}

/// <summary>What goes in one cell: a value of a column type (null: an empty cell) and its style (number format, font).</summary>
internal readonly record struct XlsxCell(object? Value, ColumnType Type, uint Style)
{
    public static XlsxCell Text(string text, uint style = 0) => new(text, ColumnType.Text, style);
}

internal static class XlsxReference
{
    /// <summary>"A1"-style reference of a zero-based column and a one-based row.</summary>
    public static string Of(int column, int row) => ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

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
