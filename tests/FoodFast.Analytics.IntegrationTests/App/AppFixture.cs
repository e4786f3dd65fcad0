using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using FoodFast.Analytics.Api.Security;
using FoodFast.Analytics.Core.Orders;
using FoodFast.Analytics.IntegrationTests.Infrastructure;
using FoodFast.Analytics.IntegrationTests.Realtime;
using Microsoft.Playwright;

namespace FoodFast.Analytics.IntegrationTests.App;

/// <summary>
/// The API on a real port with two shops of known orders (five days back, in Berlin's days), an analyst key bound to
/// shop A, and Debian's chromium driven by Playwright. The app is opened on a custom range whose instants the tests
/// compute themselves, so they can ask the API the same question and compare.
/// </summary>
public sealed class AppFixture : LiveApiFactory
{
    public const string ShopA = "app-shop-a", ShopB = "app-shop-b", Zone = "Europe/Berlin";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string KeyA { get; private set; } = "";
    public HttpClient ClientA { get; private set; } = null!;

    /// <summary>The range the tests open: the last seven local days in Berlin, today included.</summary>
    public DateOnly FirstDay { get; } = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(Zone)).DateTime).AddDays(-6);
    public DateOnly LastDay => FirstDay.AddDays(6);

    public string From => Instant(FirstDay);
    public string To => Instant(LastDay.AddDays(1));

    public string ViewHash(string route = "overview", string extra = "") =>
        $"#/{route}?shop={ShopA}&range=custom&from={FirstDay:yyyy-MM-dd}&to={LastDay:yyyy-MM-dd}&tz={Uri.EscapeDataString(Zone)}{extra}";

    /// <summary>Shop A has a time zone of its own; shop B has the default (UTC).</summary>
    protected override void Configure(IDictionary<string, string?> settings)
    {
        base.Configure(settings);
        settings[$"Shops:TimeZones:{ShopA}"] = Zone;
    }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        KeyA = (await CreateKeyAsync(Role.Analyst, ShopA)).Key;
        ClientA = WithKey(await CreateReadyClientAsync(), KeyA);
        using var ingestA = await CreateClientAsync(Role.Ingest, ShopA);
        using var ingestB = await CreateClientAsync(Role.Ingest, ShopB);
        await SendAsync(ingestA, OrdersOfA());
        await SendAsync(ingestB, [Line(ShopB, "b-1", 2, "p-secret", "Secret B product", "frozen", 99.99m, "FR")]);
        _playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(_playwright);
    }

    private static Order[] OrdersOfA() =>
    [
        Line(ShopA, "a-1", 1, "p-bread", "Roggenbrot 500 g", "bakery", 3.49m, "DE", quantity: 4),
        Line(ShopA, "a-2", 2, "p-cheese", "Bergkäse 250 g", "dairy", 6.95m, "DE", quantity: 3),
        Line(ShopA, "a-3", 2, "p-bread", "Roggenbrot 500 g", "bakery", 3.49m, "FR", quantity: 2),
        Line(ShopA, "a-4", 3, "p-oil", "Olivenöl extra vergine 750 ml", "pantry", 12.90m, "AT", quantity: 1),
        Line(ShopA, "a-5", 5, "p-cheese", "Bergkäse 250 g", "dairy", 6.95m, "DE", quantity: 1),
    ];

    /// <summary>A one-line order placed <paramref name="daysAgo"/> days ago at 10:00 UTC.</summary>
    private static Order Line(string shop, string id, int daysAgo, string product, string name, string category, decimal price, string country, int quantity = 1)
    {
        var at = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-daysAgo).AddHours(10), TimeSpan.Zero);
        var subtotal = quantity * price;
        return Sample.Order(shop, id) with
        {
            CreatedAt = at, UpdatedAt = at, Country = country, Subtotal = subtotal, Tax = 0m, Shipping = 2.50m, Total = subtotal + 2.50m,
            Items = [new OrderItem { ProductId = product, ProductName = name, Category = category, Quantity = quantity, UnitPrice = price, LineTotal = subtotal }],
        };
    }

    private static async Task SendAsync(HttpClient ingest, Order[] orders)
    {
        using var response = await ingest.PostAsync("/api/v1/orders/batch?wait=true", Sample.Json(orders));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string Instant(DateOnly day)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Zone);
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>The API's answer to a query over the fixture's window, as rows of name → value.</summary>
    public async Task<List<Dictionary<string, JsonElement>>> QueryAsync(object query)
    {
        using var response = await ClientA.PostAsJsonAsync("/api/v1/analytics/query", query, Json);
        var body = await response.ReadJsonAsync();
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        var names = body.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToList();
        return body.GetProperty("rows").EnumerateArray()
            .Select(row => row.EnumerateArray().Select((cell, i) => (names[i], cell)).ToDictionary(p => p.Item1, p => p.cell)).ToList();
    }

    /// <summary>A signed-in page on the fixture's view; script errors and the hosts it loaded from are collected.</summary>
    /// <param name="browserZone">The browser's own time zone (IANA id); null: the machine's.</param>
    public async Task<AppPage> OpenAsync(string hash, string? key = null, Action<IPage>? beforeSignIn = null, string? browserZone = null)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 1000 }, AcceptDownloads = true, TimezoneId = browserZone });
        // Generous: a whole-suite run on two cores can keep chromium waiting for a core for seconds.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        var page = await context.NewPageAsync();
        var app = new AppPage(context, page);
        page.PageError += (_, error) => app.ScriptErrors.Add(error);
        page.RequestFinished += (_, request) => app.Loaded.Add(request.Url);
        beforeSignIn?.Invoke(page);
        await page.GotoAsync(new Uri(BaseAddress, "/app/").ToString());
        await page.FillAsync("#credential", key ?? KeyA);
        await page.ClickAsync("form button[type=submit]");
        await page.WaitForSelectorAsync("header.bar");
        await page.EvaluateAsync("h => { location.hash = h; }", hash);
        return app;
    }

    /// <summary>
    /// Waits until the page's URL matches. Polled: the app's navigations are hash changes, and Playwright's
    /// WaitForURL misses one that lands between its first look and its subscription (seen here, once in four runs).
    /// </summary>
    public static async Task WaitForUrlAsync(IPage page, Func<string, bool> matches)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!matches(page.Url))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the page stayed at {page.Url}");
            await Task.Delay(50);
        }
    }

    /// <summary>The app's money format: two decimals, thousands by comma, then the currency.</summary>
    public static string Money(JsonElement value, string currency) => $"{value.GetDecimal().ToString("#,##0.00", CultureInfo.InvariantCulture)} {currency}";

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        ClientA?.Dispose();
        await base.DisposeAsync();
    }
}

public sealed record AppPage(IBrowserContext Context, IPage Page) : IAsyncDisposable
{
    public List<string> ScriptErrors { get; } = [];
    public List<string> Loaded { get; } = [];

    public ValueTask DisposeAsync() => new(Context.CloseAsync());
}
