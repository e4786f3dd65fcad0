using System.Security.Cryptography;
using FoodFast.Analytics.Reports.Files;
using FoodFast.Analytics.Reports.Writers;
using FoodFast.Analytics.Reports.Writers.Csv;
using FoodFast.Analytics.Reports.Writers.Html;
using FoodFast.Analytics.Reports.Writers.Xlsx;

namespace FoodFast.Analytics.UnitTests.Reports;

/// <summary>What a report job does: render straight into the file store, then record size and SHA-256.</summary>
public sealed class WritersIntoFileStoreTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("ff-report-files-").FullName;

    public static TheoryData<string> Formats => ["csv", "xlsx", "html"];

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_report_written_into_the_store_matches_its_recorded_size_and_hash(string format)
    {
        IReportWriter writer = format switch { "csv" => new CsvReportWriter(), "xlsx" => new XlsxReportWriter(100), _ => new HtmlReportWriter() };
        var store = new LocalFileStore(root);
        var key = $"shop-42/report{writer.FileExtension}";
        var token = TestContext.Current.CancellationToken;

        var stored = await store.WriteAsync(key, (stream, ct) => writer.WriteAsync(SampleReports.Orders(250), stream, null, ct), token);

        await using var file = await store.OpenReadAsync(key, token);
        using var copy = new MemoryStream();
        await file!.CopyToAsync(copy, token);
        Assert.Equal(copy.Length, stored.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(copy.ToArray())), stored.Sha256);
        if (format == "xlsx")
        {
            using var book = XlsxWorkbook.Open(copy.ToArray());
            Assert.Equal(["Summary", "Orders", "Orders (2)", "Orders (3)"], book.SheetNames);
        }
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
