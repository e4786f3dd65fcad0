using System.Net;
using FoodFast.Analytics.Api.Security;
using FoodFast.Analytics.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace FoodFast.Analytics.IntegrationTests.Realtime;

/// <summary>
/// The /live page in Debian's chromium, driven by Playwright (its bundled Node driver; no browser download):
/// a key is entered once, an order is posted through the API, and the page shows it and the KPI moves.
/// The screenshot lands in the test output folder (artifacts/live-page.png).
/// </summary>
public sealed class LivePageTests(LiveApiFactory api) : IClassFixture<LiveApiFactory>
{
    private const string Shop = "page-shop";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_page_asks_for_a_key_then_shows_a_posted_order_and_the_kpi_change()
    {
        var key = (await api.CreateKeyAsync(Role.Analyst, Shop)).Key;
        using var ingest = await api.CreateClientAsync(Role.Ingest, Shop);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);

        var response = await page.GotoAsync(new Uri(api.BaseAddress, "/live").ToString());
        Assert.Equal((int)HttpStatusCode.OK, response!.Status);
        await page.FillAsync("#key", key);
        await page.ClickAsync("#login-form button[type=submit]");
        await page.WaitForSelectorAsync("#status.live", new() { Timeout = 10_000 });
        Assert.Equal("0", await page.TextContentAsync("#orders-1"));
        Assert.Equal(key, await page.EvaluateAsync<string>("sessionStorage.getItem('ff-live-key')"));

        using var sent = await ingest.PostAsync("/api/v1/orders", Sample.Json(LiveOrders.At(Shop, "page-1", DateTimeOffset.UtcNow)), Ct);
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);

        var row = await page.WaitForSelectorAsync("#feed li[data-order-id='page-1']", new() { Timeout = 5_000 });
        Assert.Contains("order.created", await row!.TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("12.00 EUR", await row.TextContentAsync(), StringComparison.Ordinal);
        // A selector, not a function: the page's policy forbids the eval a waitForFunction needs.
        await page.WaitForSelectorAsync("#orders-1:text-is('1')", new() { Timeout = 5_000 });
        Assert.Equal("12.00 EUR", await page.TextContentAsync("#revenue-1"));
        Assert.Equal("1", await page.TextContentAsync("#orders-60"));
        Assert.Contains("Product p-1", await page.TextContentAsync("#top"), StringComparison.Ordinal);
        Assert.NotEqual("", await page.GetAttributeAsync("#spark-line", "points"));

        var screenshot = Path.Combine(AppContext.BaseDirectory, "artifacts", "live-page.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 10_000);
        Assert.Empty(scriptErrors);
    }

    [Fact]
    public async Task The_page_is_public_and_its_script_is_served_under_a_strict_policy()
    {
        using var http = new HttpClient { BaseAddress = api.BaseAddress };
        using var page = await http.GetAsync("/live", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("<script src=\"/live.js\"></script>", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var script = await http.GetAsync("/live.js", Ct);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Contains("sessionStorage", await script.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
