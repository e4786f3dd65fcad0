using FoodFast.Analytics.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static FoodFast.Analytics.IntegrationTests.App.AppFixture;

namespace FoodFast.Analytics.IntegrationTests.App;

/// <summary>The app's overview in chromium: its figures equal the API's answers to the same questions, and drill-downs keep the state in the URL.</summary>
public sealed class AppOverviewTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Tiles_a_trend_point_and_the_top_product_equal_the_api_to_the_cent()
    {
        await using var app = await fixture.OpenAsync(fixture.ViewHash());
        var page = app.Page;
        var revenue = await page.WaitForSelectorAsync("#kpis .tile[data-metric=revenue] .value");

        var kpis = (await fixture.QueryAsync(new { dataset = "orders", metrics = new[] { "revenue", "order_count", "aov" }, shopId = ShopA, from = fixture.From, to = fixture.To, timeZone = Zone })).Single();
        Assert.Equal("74.14 EUR", Money(kpis["revenue"], "EUR"));  // 16.46 + 23.35 + 9.48 + 15.40 + 9.45: the API itself is right
        Assert.Equal("74.14 EUR", await revenue!.TextContentAsync());
        Assert.Equal("5", await page.TextContentAsync("#kpis .tile[data-metric=order_count] .value"));
        Assert.Equal(Money(kpis["aov"], "EUR"), await page.TextContentAsync("#kpis .tile[data-metric=aov] .value"));

        var trend = await fixture.QueryAsync(new { dataset = "orders", metrics = new[] { "revenue", "order_count" }, bucket = "day", shopId = ShopA, from = fixture.From, to = fixture.To, timeZone = Zone });
        var busiest = trend.OrderByDescending(r => r["order_count"].GetInt32()).First();
        await page.ClickAsync("#trend summary");
        var point = page.Locator("#trend tbody tr", new() { HasText = busiest["bucket"].GetString()! });
        Assert.Equal(Money(busiest["revenue"], "EUR"), await point.Locator("td").Nth(2).TextContentAsync());
        Assert.Equal("32.83 EUR", Money(busiest["revenue"], "EUR"));  // two orders two days ago

        var top = page.Locator("#top-products tbody tr").First;
        await top.WaitForAsync();
        Assert.Equal("Bergkäse 250 g", await top.Locator("td").Nth(0).TextContentAsync());
        Assert.Equal("27.80 EUR", await top.Locator("td").Nth(1).TextContentAsync());
        Assert.Empty(app.ScriptErrors);
        Assert.All(app.Loaded, url => Assert.StartsWith(fixture.BaseAddress.ToString(), url, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_country_filters_the_whole_view_and_the_url_holds_it()
    {
        await using var app = await fixture.OpenAsync(fixture.ViewHash());
        var page = app.Page;
        await page.ClickAsync("#by-country tbody a:text-is('DE')");

        await WaitForUrlAsync(page, url => url.Contains("country=DE", StringComparison.Ordinal));
        await page.WaitForSelectorAsync("#kpis .tile[data-metric=revenue] .value:text-is('49.26 EUR')");  // a-1, a-2, a-5
        Assert.Equal("3", await page.TextContentAsync("#kpis .tile[data-metric=order_count] .value"));

        // The bookmarked URL opens the same filtered view.
        await using var again = await fixture.OpenAsync(new Uri(page.Url).Fragment);
        await again.Page.WaitForSelectorAsync("#kpis .tile[data-metric=revenue] .value:text-is('49.26 EUR')");
        Assert.Contains("country: DE", await again.Page.TextContentAsync("header.bar"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_product_opens_its_page_with_its_own_figures()
    {
        await using var app = await fixture.OpenAsync(fixture.ViewHash());
        var page = app.Page;
        await page.ClickAsync("#top-products tbody a[data-product='p-cheese']");

        await WaitForUrlAsync(page, url => url.Contains("#/product/p-cheese", StringComparison.Ordinal));
        await page.WaitForSelectorAsync("h1:text-is('Bergkäse 250 g')");
        Assert.Equal("27.80 EUR", await page.TextContentAsync("#product-performance .tile[data-metric=revenue] .value"));
        Assert.Equal("4", await page.TextContentAsync("#product-performance .tile[data-metric=units] .value"));
        Assert.Empty(app.ScriptErrors);
    }

    [Fact]
    public async Task An_overview_asked_on_a_spent_query_budget_waits_for_it_and_shows_every_panel()
    {
        var key = (await fixture.CreateKeyAsync(Api.Security.Role.Analyst, ShopA)).Key;
        using var other = ApiFactory.WithKey(await fixture.CreateReadyClientAsync(), key);
        var spent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var refused = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Four other clients of the same key spend its budget (60 at once, 20 a second) and keep it spent until the app
        // meets a 429: four, so that they outrun the refill even when the suite keeps both cores busy.
        var spend = Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!refused.Task.IsCompleted)
            {
                using var response = await other.GetAsync("/api/v1/shops", CancellationToken.None);
                if (response.StatusCode == System.Net.HttpStatusCode.TooManyRequests)
                {
                    spent.TrySetResult();
                }
            }
        }, CancellationToken.None)));
        await spent.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        await using var app = await fixture.OpenAsync(fixture.ViewHash(), key, page =>
            page.Response += (_, response) => { if (response.Status == 429) refused.TrySetResult(); });
        await refused.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        await spend;

        await app.Page.WaitForSelectorAsync("html[data-drawn]");
        Assert.Equal("74.14 EUR", await app.Page.TextContentAsync("#kpis .tile[data-metric=revenue] .value"));
        Assert.Empty(await app.Page.Locator(".problem").AllTextContentsAsync());
        Assert.Empty(app.ScriptErrors);
    }

    [Fact]
    public async Task The_keyboard_alone_signs_in_changes_the_comparison_and_opens_a_product()
    {
        var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 1000 } });
        context.SetDefaultTimeout(60_000);
        await using var app = new AppPage(context, await context.NewPageAsync());
        var page = app.Page;
        page.PageError += (_, error) => app.ScriptErrors.Add(error);
        await page.GotoAsync(new Uri(fixture.BaseAddress, "/app/" + fixture.ViewHash()).ToString());
        await page.WaitForSelectorAsync("#credential");

        Assert.True(await TabToAsync(page, "#credential"));
        await page.Keyboard.TypeAsync(fixture.KeyA);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#kpis .tile[data-metric=revenue] .value:text-is('74.14 EUR')");

        Assert.True(await TabToAsync(page, "#compare"));
        await page.Keyboard.PressAsync("ArrowDown");
        await WaitForUrlAsync(page, url => url.Contains("compare=previous_period", StringComparison.Ordinal));
        await page.WaitForSelectorAsync("#top-products tbody a[data-product='p-cheese']");

        Assert.True(await TabToAsync(page, "#top-products tbody a[data-product='p-cheese']"));
        await page.Keyboard.PressAsync("Enter");
        await WaitForUrlAsync(page, url => url.Contains("#/product/p-cheese", StringComparison.Ordinal));
        await page.WaitForSelectorAsync("h1:text-is('Bergkäse 250 g')");
        Assert.Empty(app.ScriptErrors);
    }

    /// <summary>Presses Tab until <paramref name="selector"/> has the focus (at most 300 times); false if it never gets it.</summary>
    private static async Task<bool> TabToAsync(IPage page, string selector)
    {
        for (var presses = 0; presses < 300; presses++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement === document.querySelector(s)", selector))
            {
                return true;
            }
            await page.Keyboard.PressAsync("Tab");
        }
        return false;
    }

    [Fact]
    public async Task A_key_for_shop_a_never_sees_shop_b()
    {
        await using var app = await fixture.OpenAsync(fixture.ViewHash().Replace($"shop={ShopA}", $"shop={ShopB}", StringComparison.Ordinal));
        var page = app.Page;

        await WaitForUrlAsync(page, url => url.Contains($"shop={ShopA}", StringComparison.Ordinal));
        await page.WaitForSelectorAsync("#kpis .tile[data-metric=revenue] .value:text-is('74.14 EUR')");
        Assert.Equal(0, await page.Locator("select#shop").CountAsync());
        await page.WaitForSelectorAsync("#top-products tbody tr");
        Assert.DoesNotContain("Secret B product", await page.TextContentAsync("body"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_zone_in_the_url_each_shop_opens_in_its_own_zone_not_the_browsers()
    {
        // An admin key reads both shops; the browser is in New York, so neither zone can come from it.
        await using var app = await fixture.OpenAsync($"#/overview?shop={ShopA}&range=7d", fixture.AdminKey, browserZone: "America/New_York");
        var page = app.Page;

        await WaitForUrlAsync(page, url => url.EndsWith($"#/overview?shop={ShopA}&range=7d&tz=Europe%2FBerlin", StringComparison.Ordinal));
        await page.WaitForFunctionAsync("() => document.querySelector('select#range')?.value === '7d'");
        Assert.Equal(Zone, await page.InputValueAsync("select#tz"));

        // Another shop opens in its zone too: shop B has none of its own, so the default.
        await page.SelectOptionAsync("select#shop", ShopB);
        await WaitForUrlAsync(page, url => url.EndsWith($"#/overview?shop={ShopB}&range=7d&tz=UTC", StringComparison.Ordinal));
        await page.WaitForFunctionAsync($"() => document.querySelector('select#shop')?.value === '{ShopB}'");
        Assert.Equal("UTC", await page.InputValueAsync("select#tz"));
        Assert.Empty(app.ScriptErrors);
    }

    [Fact]
    public async Task An_empty_range_says_why_and_where_the_data_is()
    {
        await using var app = await fixture.OpenAsync($"#/overview?shop={ShopA}&range=custom&from=2020-01-01&to=2020-01-31&tz=UTC");
        var empty = await app.Page.WaitForSelectorAsync("#kpis .empty");
        var text = await empty!.TextContentAsync();
        Assert.StartsWith("No orders in this range; the shop's orders span ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_is_served_under_a_strict_policy_and_a_missing_asset_is_a_problem()
    {
        using var http = new HttpClient { BaseAddress = fixture.BaseAddress };
        using var page = await http.GetAsync("/app/", TestContext.Current.CancellationToken);
        Assert.Equal("no-cache", page.Headers.CacheControl!.ToString());
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Equal("script-src 'self'", policy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src", StringComparison.Ordinal)));
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var script = System.Text.RegularExpressions.Regex.Match(html, "/app/assets/[^\"]+\\.js").Value;
        using var asset = await http.GetAsync(script, TestContext.Current.CancellationToken);
        Assert.Equal("public, max-age=31536000, immutable", asset.Headers.CacheControl!.ToString());
        using var missing = await http.GetAsync("/app/assets/none.js", TestContext.Current.CancellationToken);
        await missing.AssertProblemAsync(System.Net.HttpStatusCode.NotFound);
    }
}
