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
        var calls = new List<double>();
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
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{mode}: {runs} runs, drawn p50 {Percentile(drawn, 0.5):0} ms, max {drawn.Max():0} ms; its {calls.Count} API calls p50 {Percentile(calls, 0.5):0.0} ms, p99 {Percentile(calls, 0.99):0.0} ms"));
        return 0;
    }

    private static async Task<(double Drawn, List<double> ApiCalls)> OpenAsync(IBrowser browser, Uri api, string key, string hash)
    {
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 1000 } });
        await context.AddInitScriptAsync($"sessionStorage.setItem('ff-app-credential', JSON.stringify({{ kind: 'key', value: '{key}' }}));");
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(api, "/app/" + hash).ToString());
        var marked = await page.WaitForSelectorAsync("html[data-drawn]", new() { State = WaitForSelectorState.Attached, Timeout = 120_000 });
        var drawn = double.Parse((await marked!.GetAttributeAsync("data-drawn"))!, CultureInfo.InvariantCulture);
        var durations = await page.EvaluateAsync<double[]>(
            "performance.getEntriesByType('resource').filter(e => e.name.includes('/api/v1/')).map(e => e.responseEnd - e.requestStart)");
        return (drawn, durations.ToList());
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}
