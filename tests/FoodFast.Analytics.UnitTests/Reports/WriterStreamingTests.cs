using FoodFast.Analytics.Reports.Documents;
using FoodFast.Analytics.Reports.Writers;
using FoodFast.Analytics.Reports.Writers.Csv;
using FoodFast.Analytics.Reports.Writers.Html;
using FoodFast.Analytics.Reports.Writers.Xlsx;

namespace FoodFast.Analytics.UnitTests.Reports;

/// <summary>How every writer treats its row sources: read once, only as far as needed, and stopped by cancellation.</summary>
public sealed class WriterStreamingTests
{
    public static TheoryData<string> Formats => ["csv", "xlsx", "html"];

    private static IReportWriter Writer(string format) =>
        format switch { "csv" => new CsvReportWriter(), "xlsx" => new XlsxReportWriter(), _ => new HtmlReportWriter() };

    /// <summary>Cancels the job as soon as the writer reports the first progress (1,000 rows).</summary>
    private sealed class CancelOnFirstReport(CancellationTokenSource cancel) : IProgress<ReportProgress>
    {
        public void Report(ReportProgress value) => cancel.Cancel();
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Cancelling_stops_the_writer_and_reading_rows(string format)
    {
        var counter = new RowCounter();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Writer(format).WriteAsync(SampleReports.Orders(50_000, counter), new MemoryStream(), new CancelOnFirstReport(cancel), cancel.Token));

        Assert.InRange(counter.Rows, 1000, 1001);
    }

    [Fact]
    public async Task Csv_holds_the_main_table_and_never_reads_the_others()
    {
        var second = new RowCounter();
        var orders = SampleReports.Orders(2);
        var document = orders with
        {
            Tables = [orders.MainTable, new ReportTable("Top products", [new("Product", ColumnType.Text)], SampleReports.Stream([["Käsespätzle"]], second))],
        };
        using var output = new MemoryStream();

        await new CsvReportWriter().WriteAsync(document, output, null, TestContext.Current.CancellationToken);

        var records = System.Text.Encoding.UTF8.GetString(output.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, records.Length);
        Assert.Equal(0, second.Rows);
    }

    [Fact]
    public async Task Xlsx_and_html_hold_every_table()
    {
        // Rows are read once, so each writer gets a document of its own.
        static ReportDocument Document()
        {
            var orders = SampleReports.Orders(2);
            return orders with
            {
                Tables = [orders.MainTable, new ReportTable("Top products", [new("Product", ColumnType.Text)], SampleReports.Stream([["Käsespätzle"]]))],
            };
        }
        using var xlsx = new MemoryStream();
        using var html = new MemoryStream();

        await new XlsxReportWriter().WriteAsync(Document(), xlsx, null, TestContext.Current.CancellationToken);
        await new HtmlReportWriter().WriteAsync(Document(), html, null, TestContext.Current.CancellationToken);

        using var book = XlsxWorkbook.Open(xlsx.ToArray());
        Assert.Equal(["Summary", "Orders", "Top products"], book.SheetNames);
        Assert.Equal(["Product", "Käsespätzle"], XlsxWorkbook.Rows(book.Sheet("Top products")).Select(r => XlsxWorkbook.Values(r)[0]));
        Assert.Contains("<h2>Top products</h2>", System.Text.Encoding.UTF8.GetString(html.ToArray()), StringComparison.Ordinal);
    }
}
