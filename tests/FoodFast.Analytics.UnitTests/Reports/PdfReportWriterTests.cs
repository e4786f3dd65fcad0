using System.Text.RegularExpressions;
using FoodFast.Analytics.Reports.Writers.Html;
using FoodFast.Analytics.Reports.Writers.Pdf;

namespace FoodFast.Analytics.UnitTests.Reports;

/// <summary>Prints with the real headless Chromium (Debian's chromium, installed by scripts/test.sh) and reads the PDF back.</summary>
public sealed class PdfReportWriterTests
{
    [Fact]
    public async Task Pdf_shows_title_kpis_totals_names_in_three_scripts_and_page_x_of_y()
    {
        var folder = PopplerTools.ArtifactFolder();
        var pdfPath = Path.Combine(folder, "sales-summary.pdf");
        var progress = new RecordingProgress();
        var writer = new PdfReportWriter(new HtmlReportWriter(), new ChromiumPdfRenderer(ChromiumPdfRenderer.DefaultExecutablePath, TimeSpan.FromSeconds(120)));
        await using (var file = File.Create(pdfPath))
        {
            await writer.WriteAsync(SampleReports.Orders(120), file, progress, TestContext.Current.CancellationToken);
        }
        // Kept next to the PDF so a person can compare what was printed with what was asked for.
        await using (var html = File.Create(Path.Combine(folder, "sales-summary.html")))
        {
            await new HtmlReportWriter().WriteAsync(SampleReports.Orders(120), html, null, TestContext.Current.CancellationToken);
        }

        var text = await PopplerTools.TextAsync(pdfPath);
        var pages = await PopplerTools.PageCountAsync(pdfPath);

        Assert.Equal([120], progress.Reports);
        Assert.InRange(pages, 2, 20);
        Assert.Contains("Sales summary — November 2026", text, StringComparison.Ordinal);
        Assert.Contains("Shop shop-42 · 2026-11-01 – 2026-11-30 (Europe/Berlin)", text, StringComparison.Ordinal);
        Assert.Contains("12,480.50 EUR", text, StringComparison.Ordinal);
        Assert.Contains("98,765.43 EUR", text, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"Total\s+7,771\s+98,765.43 EUR"), text);
        Assert.Contains("Käsespätzle", text, StringComparison.Ordinal);
        Assert.Contains("Crème brûlée", text, StringComparison.Ordinal);
        Assert.Contains("抹茶アイス", text, StringComparison.Ordinal);
        Assert.Contains("A-120", text, StringComparison.Ordinal);
        for (var page = 1; page <= pages; page++)
        {
            Assert.Contains($"Page {page} of {pages}", text, StringComparison.Ordinal);
        }
        // The header row is repeated on every page: one "Unit price" per page.
        Assert.Equal(pages, Regex.Count(text, "Unit price"));

        var png = await PopplerTools.FirstPageAsPngAsync(pdfPath, Path.Combine(folder, "sales-summary-page"));
        Assert.True(new FileInfo(png).Length > 10_000, $"{png} is suspiciously small");
    }

    [Fact]
    public async Task Pdf_detail_table_is_capped_with_a_note_and_leaves_no_temporary_files()
    {
        var pdfPath = Path.Combine(PopplerTools.ArtifactFolder(), "capped.pdf");
        var temp = Directory.CreateTempSubdirectory("ff-pdf-test-").FullName;
        var renderer = new ChromiumPdfRenderer(ChromiumPdfRenderer.DefaultExecutablePath, TimeSpan.FromSeconds(120), temp);
        var writer = new PdfReportWriter(new HtmlReportWriter(detailRowLimit: 5), renderer, temp);
        await using (var file = File.Create(pdfPath))
        {
            await writer.WriteAsync(SampleReports.Orders(40), file, null, TestContext.Current.CancellationToken);
        }
        // The HTML, the Chromium profile and its output are gone.
        Assert.Empty(Directory.GetFileSystemEntries(temp));
        Directory.Delete(temp);

        var text = await PopplerTools.TextAsync(pdfPath);

        Assert.Contains("A-5", text, StringComparison.Ordinal);
        Assert.DoesNotContain("A-6", text, StringComparison.Ordinal);
        Assert.Contains("Showing the first 5 rows. Download this report as CSV or XLSX for every row.", text, StringComparison.Ordinal);
        var pages = await PopplerTools.PageCountAsync(pdfPath);
        Assert.Contains($"Page {pages} of {pages}", text, StringComparison.Ordinal);
    }
}
