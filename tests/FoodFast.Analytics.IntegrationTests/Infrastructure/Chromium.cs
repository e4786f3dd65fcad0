using Microsoft.Playwright;

namespace FoodFast.Analytics.IntegrationTests.Infrastructure;

/// <summary>
/// Debian's chromium under Playwright (its bundled Node driver; no browser download). Background networking is off:
/// on these machines the closed network refuses Chromium's own connections, many at a time.
/// </summary>
public static class Chromium
{
    private static readonly string[] Args =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = Args });
}
