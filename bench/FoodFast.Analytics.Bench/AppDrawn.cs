using System.Globalization;
using Microsoft.Playwright;

namespace FoodFast.Analytics.Bench;

/// <summary>
/// Time to a fully drawn app overview, from a second process: Debian's chromium opens <c>/app/</c> on a view and waits
/// until every panel has its content on screen (the app marks <c>ff-drawn</c>; milliseconds since navigation), and
/// the API calls the page made (resource timing) are kept beside it. Each run is a fresh browser context (nothing
/// cached in the browser). With <c>cold</c> every run asks in another time zone of the same offset, so the service's
/// query cache has never seen the questions; with <c>warm</c> the same view is asked each time after one priming run.
/// </summary>
public static class AppDrawn
{
    private static readonly string[] Zones = ["Europe/Berlin", "Europe/Paris", "Europe/Rome", "Europe/Madrid", "Europe/Vienna", "Europe/Amsterdam",
        "Europe/Brussels", "Europe/Zurich", "Europe/Prague", "Europe/Stockholm", "Europe/Oslo", "Europe/Copenhagen", "Europe/Warsaw", "Europe/Budapest",
        "Europe/Luxembourg", "Europe/Monaco", "Europe/Ljubljana", "Europe/Zagreb", "Europe/Belgrade", "Europe/Bratislava", "Europe/Malta"];

    public static async Task<int> RunAsync(Uri api, string key, string shop, string mode, int runs)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var drawn = new List<double>();
        var calls = new List<(string Path, double Ms)>();
        for (var run = mode == "warm" ? -1 : 0; run < runs; run++)
        {
            var zone = mode == "cold" ? Zones[run % Zones.Length] : Zones[0];
            var (total, apiCalls) = await OpenAsync(browser, api, key, $"#/overview?shop={shop}&range=30d&tz={Uri.EscapeDataString(zone)}");
            if (run < 0)
            {
                continue;  // the warm mode's priming run
            }
            drawn.Add(total);
            calls.AddRange(apiCalls);
        }
        var times = calls.Select(c => c.Ms).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{mode}: {runs} runs, drawn p50 {Percentile(drawn, 0.5):0} ms, max {drawn.Max():0} ms; its {calls.Count} API calls p50 {Percentile(times, 0.5):0.0} ms, p99 {Percentile(times, 0.99):0.0} ms"));
        // Where the time goes: the calls with the slowest median, by path.
        var slowest = calls.GroupBy(c => c.Path).Select(g => (Path: g.Key, Median: Percentile(g.Select(c => c.Ms).ToList(), 0.5), Max: g.Max(c => c.Ms)))
            .OrderByDescending(g => g.Median).Take(5);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  slowest by median: {string.Join("; ", slowest.Select(g => $"{g.Path} {g.Median:0} ms (max {g.Max:0})"))}"));
        return 0;
    }

    private static async Task<(double Drawn, List<(string Path, double Ms)> ApiCalls)> OpenAsync(IBrowser browser, Uri api, string key, string hash)
    {
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 1000 } });
        await context.AddInitScriptAsync($"sessionStorage.setItem('ff-app-credential', JSON.stringify({{ kind: 'key', value: '{key}' }}));");
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(api, "/app/" + hash).ToString());
        var marked = await page.WaitForSelectorAsync("html[data-drawn]", new() { State = WaitForSelectorState.Attached, Timeout = 120_000 });
        var drawn = double.Parse((await marked!.GetAttributeAsync("data-drawn"))!, CultureInfo.InvariantCulture);
        var entries = await page.EvaluateAsync<ApiCall[]>(
            "performance.getEntriesByType('resource').filter(e => e.name.includes('/api/v1/')).map(e => ({ path: new URL(e.name).pathname, ms: e.responseEnd - e.requestStart }))");
        return (drawn, entries.Select(e => (e.Path, e.Ms)).ToList());
    }

    /// <summary>One API call as the page's resource timing saw it (Playwright fills it by its settable properties).</summary>
    private sealed class ApiCall
    {
        public string Path { get; set; } = "";
        public double Ms { get; set; }
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}
