using static FoodFast.Analytics.IntegrationTests.App.AppFixture;

namespace FoodFast.Analytics.IntegrationTests.App;

/// <summary>Exporting what is on screen: a report job from the app, its progress, and the file it downloads.</summary>
public sealed class AppExportTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_overview_exports_a_csv_whose_rows_are_the_views_days()
    {
        await using var app = await fixture.OpenAsync(fixture.ViewHash());
        var page = app.Page;
        await page.WaitForSelectorAsync("#kpis .tile");
        var (name, lines) = await ExportAsync(page, "csv");

        Assert.StartsWith($"sales_summary_{ShopA}_{fixture.FirstDay:yyyy-MM-dd}_{fixture.LastDay:yyyy-MM-dd}", name, StringComparison.Ordinal);
        Assert.Contains("revenue", lines[0], StringComparison.Ordinal);
        Assert.Equal(7, lines.Length - 1);  // one row per day of the view, empty days included
        Assert.Contains(lines, line => line.Contains("32.83", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_product_page_exports_that_products_days()
    {
        await using var app = await fixture.OpenAsync(fixture.ViewHash("product/p-cheese"));
        var page = app.Page;
        await page.WaitForSelectorAsync("#product-performance .tile");
        var (name, lines) = await ExportAsync(page, "csv");

        Assert.StartsWith($"custom_{ShopA}_", name, StringComparison.Ordinal);
        Assert.Contains("revenue", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, line => line.Contains("20.85", StringComparison.Ordinal));  // 3 × 6.95 two days ago
        Assert.DoesNotContain(lines, line => line.Contains("13.96", StringComparison.Ordinal));  // the bread sold the day before
    }

    /// <summary>Exports the page's view through a report job and answers the downloaded file's name and lines.</summary>
    private static async Task<(string Name, string[] Lines)> ExportAsync(Microsoft.Playwright.IPage page, string format)
    {
        await page.SelectOptionAsync(".export select", format);
        await page.ClickAsync(".export button:text-is('Export')");
        var button = page.Locator(".export button.download");
        await button.WaitForAsync(new() { Timeout = 30_000 });
        var download = await page.RunAndWaitForDownloadAsync(() => button.ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), $"app-export-{Guid.NewGuid():N}.{format}");
        await download.SaveAsAsync(path);
        var lines = await File.ReadAllLinesAsync(path, TestContext.Current.CancellationToken);
        File.Delete(path);
        return (download.SuggestedFilename, lines);
    }
}
