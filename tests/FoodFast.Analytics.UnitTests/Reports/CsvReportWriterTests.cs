using System.Globalization;
using System.Text;
using CsvHelper;
using FoodFast.Analytics.Reports.Writers.Csv;

namespace FoodFast.Analytics.UnitTests.Reports;

public sealed class CsvReportWriterTests
{
    private static async Task<byte[]> WriteAsync(int rows, RecordingProgress? progress = null)
    {
        using var output = new MemoryStream();
        await new CsvReportWriter().WriteAsync(SampleReports.Orders(rows), output, progress, TestContext.Current.CancellationToken);
        return output.ToArray();
    }

    [Fact]
    public async Task Csv_parses_back_to_the_exact_values_with_quotes_commas_newlines_and_unicode()
    {
        var bytes = await WriteAsync(3);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        using var reader = new CsvReader(new StreamReader(new MemoryStream(bytes), Encoding.UTF8), CultureInfo.InvariantCulture);
        var records = new List<string[]>();
        while (await reader.ReadAsync())
        {
            records.Add(reader.Parser.Record!);
        }

        Assert.Equal(
            [
                ["Order", "Product", "Quantity", "Unit price", "Discount", "Ordered on", "Created at", "Weight (kg)"],
                ["A-1", "Käsespätzle", "1", "13.50", "0.125", "2026-11-03", "2026-11-03T09:15:30Z", "0.75"],
                ["A-2", "Crème brûlée, \"classic\"", "2", "14.50", "", "2026-11-04", "2026-11-03T10:15:30Z", "1.50"],
                ["A-3", "抹茶アイス\nmatcha", "3", "15.50", "0.125", "2026-11-05", "2026-11-03T11:15:30Z", "2.25"],
            ],
            records);
    }

    [Fact]
    public async Task Csv_quotes_only_fields_that_need_it_and_ends_records_with_crlf()
    {
        var text = Encoding.UTF8.GetString(await WriteAsync(3));

        Assert.Equal(
            "\uFEFFOrder,Product,Quantity,Unit price,Discount,Ordered on,Created at,Weight (kg)\r\n"
            + "A-1,Käsespätzle,1,13.50,0.125,2026-11-03,2026-11-03T09:15:30Z,0.75\r\n"
            + "A-2,\"Crème brûlée, \"\"classic\"\"\",2,14.50,,2026-11-04,2026-11-03T10:15:30Z,1.50\r\n"
            + "A-3,\"抹茶アイス\nmatcha\",3,15.50,0.125,2026-11-05,2026-11-03T11:15:30Z,2.25\r\n",
            text);
    }

    [Fact]
    public async Task Csv_keeps_fractional_seconds_and_the_invariant_decimal_point()
    {
        Assert.Equal("2026-11-03T09:15:30.25Z", CsvReportWriter.Field(
            FoodFast.Analytics.Reports.Documents.ColumnType.DateTime, new DateTimeOffset(2026, 11, 3, 10, 15, 30, 250, TimeSpan.FromHours(1))));
        Assert.Equal("1234567.891", CsvReportWriter.Field(FoodFast.Analytics.Reports.Documents.ColumnType.Decimal, 1234567.891));

        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            var text = Encoding.UTF8.GetString(await WriteAsync(1));
            Assert.Contains(",13.50,0.125,", text, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public async Task Csv_reports_progress_every_thousand_rows_and_at_the_end()
    {
        var progress = new RecordingProgress();

        var text = Encoding.UTF8.GetString(await WriteAsync(2500, progress));

        Assert.Equal([1000, 2000, 2500], progress.Reports);
        // Line breaks inside fields are bare '\n', so every CRLF ends one record: the header and 2,500 rows.
        var records = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2501, records.Length);
        Assert.StartsWith("A-2500,", records[^1], StringComparison.Ordinal);
    }
}
