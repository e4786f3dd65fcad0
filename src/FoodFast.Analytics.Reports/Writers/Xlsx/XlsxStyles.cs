using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using FoodFast.Analytics.Reports.Documents;

namespace FoodFast.Analytics.Reports.Writers.Xlsx;

/// <summary>The workbook's cell formats: one per column type, one per currency, plus header and title.</summary>
internal sealed class XlsxStyles
{
    public const uint Header = 1;
    public const uint Title = 2;
    private const uint Integer = 3, Decimal = 4, Date = 5, DateTime = 6, Percent = 7, FirstMoney = 8;

    // Built-in number formats 3 ("#,##0") and 10 ("0.00%"); ours start at 164, the first custom id.
    private const uint IntegerFormat = 3, PercentFormat = 10, DateFormat = 164, DateTimeFormat = 165, DecimalFormat = 166, FirstMoneyFormat = 167;

    private readonly List<string> currencies;

    public XlsxStyles(IEnumerable<string> currencies) =>
        this.currencies = currencies.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    public static XlsxStyles For(ReportDocument document) =>
        new(document.Tables.SelectMany(t => t.Columns).Concat(document.Kpis.Select(k => k.Column)).Where(c => c.Type == ColumnType.Money).Select(c => Currency(c)));

    public uint For(ReportColumn column) => column.Type switch
    {
        ColumnType.Integer => Integer,
        ColumnType.Decimal => Decimal,
        ColumnType.Money => FirstMoney + (uint)currencies.IndexOf(Currency(column)),
        ColumnType.Date => Date,
        ColumnType.DateTime => DateTime,
        ColumnType.Percent => Percent,
        _ => 0,
    };

    public Stylesheet ToStylesheet()
    {
        var formats = new NumberingFormats(
            new NumberingFormat { NumberFormatId = DateFormat, FormatCode = "yyyy-mm-dd" },
            new NumberingFormat { NumberFormatId = DateTimeFormat, FormatCode = "yyyy-mm-dd hh:mm:ss" },
            new NumberingFormat { NumberFormatId = DecimalFormat, FormatCode = "#,##0.00##" });
        for (var i = 0; i < currencies.Count; i++)
        {
            // Money of several currencies in one column has no currency to name: two decimals alone.
            formats.Append(new NumberingFormat { NumberFormatId = FirstMoneyFormat + (uint)i, FormatCode = currencies[i].Length == 0 ? "#,##0.00" : $"#,##0.00 \"{currencies[i]}\"" });
        }
        var cellFormats = new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { FontId = 2, ApplyFont = true },
            Numeric(IntegerFormat), Numeric(DecimalFormat), Numeric(DateFormat), Numeric(DateTimeFormat), Numeric(PercentFormat));
        for (var i = 0; i < currencies.Count; i++)
        {
            cellFormats.Append(Numeric(FirstMoneyFormat + (uint)i));
        }
        return new Stylesheet(
            formats,
            new Fonts(Font(bold: false, 11), Font(bold: true, 11), Font(bold: true, 14)),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())),
            new CellStyleFormats(new CellFormat()),
            cellFormats);
    }

    private static CellFormat Numeric(uint format) => new() { NumberFormatId = format, ApplyNumberFormat = true };

    private static Font Font(bool bold, double size)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }
        font.Append(new FontSize { Val = size }, new FontName { Val = "Calibri" });
        return font;
    }

    // Only letters reach the number format, so a currency can never break out of its quotes.
    private static string Currency(ReportColumn column) =>
        new((column.Currency ?? "").Where(char.IsAsciiLetter).Select(char.ToUpperInvariant).ToArray());
}
