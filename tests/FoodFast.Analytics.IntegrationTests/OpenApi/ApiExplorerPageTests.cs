using System.Net;
using FoodFast.Analytics.IntegrationTests.Realtime;
using FoodFast.Analytics.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace FoodFast.Analytics.IntegrationTests.OpenApi;

/// <summary>Swagger UI and ReDoc in Debian's chromium: each loads the one OpenAPI document, lists its operations, and loads nothing from elsewhere.</summary>
public sealed class ApiExplorerPageTests(LiveApiFactory api) : IClassFixture<LiveApiFactory>
{

    [Theory]
    [InlineData("/swagger", ".opblock-summary-path[data-path='/api/v1/analytics/dashboard']")]
    [InlineData("/redoc", "[data-section-id='tag/Analytics/operation/GetDashboard']")]
    public async Task The_page_shows_the_dashboard_operation_from_the_built_in_document(string path, string operation)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        // What the page really loaded (a request the page's policy blocks never finishes).
        var loaded = new List<string>();
        page.RequestFinished += (_, request) => loaded.Add(request.Url);

        var document = page.WaitForResponseAsync(response => response.Url.EndsWith("/openapi/v1.json", StringComparison.Ordinal), new() { Timeout = 90_000 });
        var response = await page.GotoAsync(new Uri(api.BaseAddress, path).ToString(), new() { Timeout = 90_000 });

        Assert.Equal((int)HttpStatusCode.OK, response!.Status);
        // ReDoc lays out all 88 operations before it shows one: under a whole-suite run on two cores that took over 20 s.
        await page.WaitForSelectorAsync(operation, new() { Timeout = 90_000 });
        Assert.Equal((int)HttpStatusCode.OK, (await document).Status);
        Assert.All(loaded.Where(url => url.StartsWith("http", StringComparison.Ordinal)), url => Assert.StartsWith(api.BaseAddress.ToString(), url, StringComparison.Ordinal));
    }
}
