using System.Globalization;
using DocumentFormat.OpenXml.Spreadsheet;
using FoodFast.Analytics.Reports.Writers.Xlsx;

namespace FoodFast.Analytics.UnitTests.Reports;

public sealed class XlsxReportWriterTests
{
    private static async Task<byte[]> WriteAsync(int rows, int maxRowsPerSheet = XlsxReportWriter.ExcelMaxDataRows, RecordingProgress? progress = null)
    {
        using var output = new MemoryStream();
        await new XlsxReportWriter(maxRowsPerSheet).WriteAsync(SampleReports.Orders(rows), output, progress, TestContext.Current.CancellationToken);
        return output.ToArray();
    }

    [Fact]
    public async Task Cells_are_typed_numbers_and_dates_with_number_formats()
    {
        using var book = XlsxWorkbook.Open(await WriteAsync(3));
        var sheet = book.Sheet("Orders");

        Assert.Equal(
            ["Order", "Product", "Quantity", "Unit price", "Discount", "Ordered on", "Created at", "Weight (kg)"],
            XlsxWorkbook.Values(XlsxWorkbook.Rows(sheet)[0]));
        var order = XlsxWorkbook.Cell(sheet, "A2");
        Assert.Equal(CellValues.InlineString, order.DataType!.Value);
        Assert.Equal("A-1", XlsxWorkbook.Value(order));
        Assert.Equal("抹茶アイス\nmatcha", XlsxWorkbook.Value(XlsxWorkbook.Cell(sheet, "B4")));
        Assert.Equal("Crème brûlée, \"classic\"", XlsxWorkbook.Value(XlsxWorkbook.Cell(sheet, "B3")));

        (string Reference, string Value, string Format)[] expected =
        [
            ("C2", "1", "#,##0"),
            ("D2", "13.50", "#,##0.00 \"EUR\""),
            ("E2", "0.125", "0.00%"),
            ("F2", "46329", "yyyy-mm-dd"),
            ("H2", "0.75", "#,##0.00##"),
        ];
        foreach (var (reference, value, format) in expected)
        {
            var cell = XlsxWorkbook.Cell(sheet, reference);
            Assert.Null(cell.DataType); // a number, not text
            Assert.Equal(value, XlsxWorkbook.Value(cell));
            Assert.Equal(format, book.FormatCode(cell));
        }
        // Instants are shown in the report's time zone: 09:15:30 UTC is 10:15:30 in Berlin in November.
        var created = XlsxWorkbook.Cell(sheet, "G2");
        Assert.Equal(new DateTime(2026, 11, 3, 10, 15, 30), DateTime.FromOADate(double.Parse(XlsxWorkbook.Value(created), CultureInfo.InvariantCulture)));
        Assert.Equal("yyyy-mm-dd hh:mm:ss", book.FormatCode(created));
        // A null stays an empty cell.
        Assert.Equal("", XlsxWorkbook.Value(XlsxWorkbook.Cell(sheet, "E3")));
    }

    [Fact]
    public async Task Header_is_bold_and_frozen_with_an_autofilter_and_column_widths()
    {
        using var book = XlsxWorkbook.Open(await WriteAsync(3));
        var sheet = book.Sheet("Orders");

        Assert.All(XlsxWorkbook.Rows(sheet)[0].Elements<Cell>(), cell => Assert.True(book.IsBold(cell)));
        Assert.False(book.IsBold(XlsxWorkbook.Cell(sheet, "A2")));
        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(1, pane.VerticalSplit!.Value);
        Assert.Equal("A2", pane.TopLeftCell!.Value);
        Assert.Equal("A1:H4", sheet.Descendants<AutoFilter>().Single().Reference!.Value);
        Assert.Equal([28d, 28d, 12d, 16d, 12d, 14d, 20d, 16d], sheet.Descendants<Column>().Select(c => c.Width!.Value).ToArray());
    }

    [Fact]
    public async Task Summary_sheet_comes_first_with_title_period_parameters_kpis_and_typed_totals()
    {
        using var book = XlsxWorkbook.Open(await WriteAsync(3));

        Assert.Equal(["Summary", "Orders"], book.SheetNames);
        var rows = XlsxWorkbook.Rows(book.Sheet("Summary")).Select(XlsxWorkbook.Values).ToList();
        Assert.Equal<IReadOnlyList<string>>(
            [
                ["Sales summary — November 2026"],
                [],
                ["Shop", "shop-42"],
                ["Period", "2026-11-01 – 2026-11-30 (Europe/Berlin)"],
                [],
                ["Parameter", "Value"],
                ["currency", "EUR"],
                ["group by", "product & day"],
                [],
                ["KPI", "Value", "Change"],
                ["Revenue", "12480.5", "+4.2 %"],
                ["Orders", "1284", "-1.5 %"],
                ["Average order", "9.72", ""],
                [],
                ["Totals: Orders"],
                ["Quantity", "7771"],
                ["Unit price", "98765.43"],
            ],
            rows);
        var revenueTotal = XlsxWorkbook.Cell(book.Sheet("Summary"), "B17");
        Assert.Equal("#,##0.00 \"EUR\"", book.FormatCode(revenueTotal));
    }

    [Fact]
    public async Task A_table_longer_than_the_sheet_limit_continues_on_new_sheets_each_with_its_header()
    {
        var progress = new RecordingProgress();
        using var book = XlsxWorkbook.Open(await WriteAsync(12, maxRowsPerSheet: 5, progress));

        Assert.Equal(["Summary", "Orders", "Orders (2)", "Orders (3)"], book.SheetNames);
        string[][] expectedOrders = [["A-1", "A-2", "A-3", "A-4", "A-5"], ["A-6", "A-7", "A-8", "A-9", "A-10"], ["A-11", "A-12"]];
        string[] expectedFilters = ["A1:H6", "A1:H6", "A1:H3"];
        foreach (var (name, i) in new[] { "Orders", "Orders (2)", "Orders (3)" }.Select((name, i) => (name, i)))
        {
            var sheet = book.Sheet(name);
            var rows = XlsxWorkbook.Rows(sheet);
            Assert.Equal("Order", XlsxWorkbook.Values(rows[0])[0]);
            Assert.Equal(expectedOrders[i], rows.Skip(1).Select(r => XlsxWorkbook.Values(r)[0]).ToArray());
            Assert.Equal(expectedFilters[i], sheet.Descendants<AutoFilter>().Single().Reference!.Value);
            Assert.Equal("A2", sheet.Descendants<Pane>().Single().TopLeftCell!.Value);
        }
        Assert.Equal([12], progress.Reports);
    }

    [Fact]
    public async Task An_empty_table_is_a_sheet_with_only_its_header()
    {
        using var book = XlsxWorkbook.Open(await WriteAsync(0));
        var sheet = book.Sheet("Orders");

        Assert.Single(XlsxWorkbook.Rows(sheet));
        Assert.Equal("A1:H1", sheet.Descendants<AutoFilter>().Single().Reference!.Value);
    }

    [Fact]
    public async Task Text_keeps_its_edge_spaces_and_loses_characters_xml_cannot_carry()
    {
        object?[] awkward = ["  padded ", "bell\u0007 tab\t", 1, 1m, null, null, null, null];
        using var output = new MemoryStream();
        await new XlsxReportWriter().WriteAsync(SampleReports.Orders(0, extraRows: [awkward]), output, null, TestContext.Current.CancellationToken);

        using var book = XlsxWorkbook.Open(output.ToArray());
        var sheet = book.Sheet("Orders");

        Assert.Equal("  padded ", XlsxWorkbook.Value(XlsxWorkbook.Cell(sheet, "A2")));
        // Without xml:space="preserve" Excel would trim the spaces.
        Assert.Equal(DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve, XlsxWorkbook.Cell(sheet, "A2").InlineString!.Text!.Space!.Value);
        Assert.Null(XlsxWorkbook.Cell(sheet, "C2").InlineString);
        Assert.Equal("bell tab\t", XlsxWorkbook.Value(XlsxWorkbook.Cell(sheet, "B2")));
    }

    [Fact]
    public async Task Markup_characters_and_carriage_returns_survive_and_characters_xml_cannot_carry_are_dropped()
    {
        object?[] awkward = ["<b>Fish & Chips</b>", "line\r\nbreak", 1, 1m, null, null, null, null];
        object?[] invalid = ["no\uFFFEn\uFFFFe", "€ 😀", 2, 2m, null, null, null, null];
        using var output = new MemoryStream();
        await new XlsxReportWriter().WriteAsync(SampleReports.Orders(0, extraRows: [awkward, invalid]), output, null, TestContext.Current.CancellationToken);

        using var book = XlsxWorkbook.Open(output.ToArray());
        var sheet = book.Sheet("Orders");

        Assert.Equal("<b>Fish & Chips</b>", XlsxWorkbook.Value(XlsxWorkbook.Cell(sheet, "A2")));
        Assert.Equal("line\r\nbreak", XlsxWorkbook.Value(XlsxWorkbook.Cell(sheet, "B2")));
        Assert.Equal("none", XlsxWorkbook.Value(XlsxWorkbook.Cell(sheet, "A3")));
        Assert.Equal("€ 😀", XlsxWorkbook.Value(XlsxWorkbook.Cell(sheet, "B3")));
    }

    [Fact]
    public async Task Workbook_passes_the_openxml_schema_validator()
    {
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await WriteAsync(12, maxRowsPerSheet: 5)), false);

        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}");

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1_048_576)]
    public void The_sheet_limit_must_fit_excel(int limit)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new XlsxReportWriter(limit));
    }
}
