using System.Net.Http.Json;
using FoodFast.Analytics.IntegrationTests.Infrastructure;
using static FoodFast.Analytics.IntegrationTests.App.AppFixture;

namespace FoodFast.Analytics.IntegrationTests.App;

/// <summary>Saved dashboards in the app: build a widget from the catalogue, save, reload; validation in place; a stale save explained.</summary>
public sealed class AppDashboardTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_widget_built_in_the_editor_is_saved_and_found_after_a_reload()
    {
        await using var app = await fixture.OpenAsync(fixture.ViewHash("dashboards/new"));
        var page = app.Page;
        await page.FillAsync("#dashboard-name", "Morning figures");
        await page.FillAsync("#w0-title", "Revenue this week");
        await page.SelectOptionAsync("#w0-chart", "kpi");
        await page.SelectOptionAsync("#w0-bucket", "");
        await page.CheckAsync("input[name=w0-metric][value=order_count]");
        await page.ClickAsync("button[type=submit]");

        // Saved: the app opens the new dashboard. Refused: the status says why, and the failure shows it.
        var saved = WaitForUrlAsync(page, url => System.Text.RegularExpressions.Regex.IsMatch(url, "#/dashboards/[0-9a-f-]{36}"));
        var refused = page.Locator(".save-status .problem").WaitForAsync(new() { Timeout = 60_000 });
        if (await Task.WhenAny(saved, refused) != saved || saved.IsFaulted)
        {
            Assert.Fail($"the save did not open the dashboard: at {page.Url}, showing \"{await page.Locator("#main").InnerTextAsync(new() { Timeout = 5_000 })}\"");
        }
        await page.ReloadAsync(new() { WaitUntil = Microsoft.Playwright.WaitUntilState.DOMContentLoaded });
        var panel = page.Locator("section[data-widget='0']");
        await panel.Locator("h2:text-is('Revenue this week')").WaitForAsync();
        Assert.Equal("74.14 EUR", await panel.Locator(".tile[data-metric=revenue] .value").TextContentAsync());
        Assert.Equal("5", await panel.Locator(".tile[data-metric=order_count] .value").TextContentAsync());

        var list = await fixture.ClientA.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/dashboards?shopId={ShopA}", TestContext.Current.CancellationToken);
        Assert.Contains(list.EnumerateArray(), d => d.GetProperty("name").GetString() == "Morning figures");
        Assert.Empty(app.ScriptErrors);
    }

    [Fact]
    public async Task A_validation_error_is_shown_beside_the_field_it_names()
    {
        await using var app = await fixture.OpenAsync(fixture.ViewHash("dashboards/new"));
        var page = app.Page;
        await page.FillAsync("#dashboard-name", "No metrics");
        await page.UncheckAsync("input[name=w0-metric][value=revenue]");
        await page.ClickAsync("button[type=submit]");

        var error = page.Locator("[data-path='widgets[0].query.metrics'] .field-error");
        await error.WaitForAsync();
        Assert.Contains("must name 1 to 20 metrics", await error.TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("#/dashboards/new", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_save_over_someone_elses_change_is_refused_and_explained()
    {
        var query = new { dataset = "orders", metrics = new[] { "revenue" }, from = fixture.From, to = fixture.To, timeZone = Zone };
        using var created = await fixture.ClientA.PostAsJsonAsync("/api/v1/dashboards",
            new { name = "Shared", @public = true, widgets = new[] { new { title = "Revenue", chartType = "kpi", query } } }, TestContext.Current.CancellationToken);
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetString();
        await using var app = await fixture.OpenAsync(fixture.ViewHash($"dashboards/{id}", "&edit=1"));
        var page = app.Page;
        await page.WaitForSelectorAsync("#dashboard-name");

        using var other = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/dashboards/{id}")
        {
            Content = JsonContent.Create(new { name = "Changed meanwhile", @public = true, widgets = new[] { new { title = "Revenue", chartType = "kpi", query } } }),
        };
        other.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"1\""));
        using var changed = await fixture.ClientA.SendAsync(other, TestContext.Current.CancellationToken);
        Assert.True(changed.IsSuccessStatusCode);

        await page.FillAsync("#dashboard-name", "Mine");
        await page.ClickAsync("button[type=submit]");
        var alert = page.Locator(".save-status .problem");
        await alert.WaitForAsync();
        Assert.Contains("Someone changed this dashboard since you opened it.", await alert.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("Mine", await page.InputValueAsync("#dashboard-name"));
    }
}
