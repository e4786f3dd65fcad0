using System.Diagnostics;
using FoodFast.Analytics.Reports.Writers.Pdf;

namespace FoodFast.Analytics.UnitTests.Reports;

/// <summary>How the renderer fails: stand-in "chromium" scripts that hang or exit, and a path with nothing there.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")] // stand-in scripts and /proc
public sealed class ChromiumPdfRendererTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("ff-renderer-test-").FullName;
    private string WorkRoot => Directory.CreateDirectory(Path.Combine(folder, "work")).FullName;

    private string Script(string name, string body)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, $"#!/bin/sh\n{body}\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private string Html()
    {
        var path = Path.Combine(folder, "page.html");
        File.WriteAllText(path, "<p>hello</p>");
        return path;
    }

    [Fact]
    public async Task A_missing_chromium_says_which_package_to_install()
    {
        var renderer = new ChromiumPdfRenderer("/nonexistent/chromium", TimeSpan.FromSeconds(5), WorkRoot);

        var error = await Assert.ThrowsAsync<PdfRenderingException>(() =>
            renderer.RenderAsync(Html(), Stream.Null, TestContext.Current.CancellationToken));

        Assert.Equal(
            "Chromium was not found at '/nonexistent/chromium': install Debian package chromium (apt-get install -y chromium) or set Reports:ChromiumPath.",
            error.Message);
    }

    [Fact]
    public async Task Cancelling_kills_chromium_and_removes_its_temporary_files()
    {
        var pidFile = Path.Combine(folder, "pid");
        var hanging = Script("hanging-chromium", $"echo $$ > {pidFile}\nexec sleep 60");
        var renderer = new ChromiumPdfRenderer(hanging, TimeSpan.FromSeconds(60), WorkRoot);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var rendering = renderer.RenderAsync(Html(), Stream.Null, cancel.Token);
        await WaitUntilAsync(() => File.Exists(pidFile) && File.ReadAllText(pidFile).Trim().Length > 0);
        var stopwatch = Stopwatch.StartNew();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => rendering);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10));
        var pid = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(Directory.Exists($"/proc/{pid}"), $"chromium stand-in {pid} is still running");
        Assert.Empty(Directory.GetFileSystemEntries(WorkRoot));
    }

    [Fact]
    public async Task A_chromium_that_hangs_past_the_timeout_is_killed_with_a_readable_error()
    {
        var renderer = new ChromiumPdfRenderer(Script("slow-chromium", "exec sleep 60"), TimeSpan.FromMilliseconds(300), WorkRoot);

        var error = await Assert.ThrowsAsync<PdfRenderingException>(() =>
            renderer.RenderAsync(Html(), Stream.Null, TestContext.Current.CancellationToken));

        Assert.Equal("Chromium did not print the PDF within 0.3 s (Reports:ChromiumTimeoutSeconds).", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(WorkRoot));
    }

    [Fact]
    public async Task A_chromium_that_fails_reports_its_exit_code_and_error_output()
    {
        var renderer = new ChromiumPdfRenderer(Script("failing-chromium", "echo 'cannot open display' >&2\nexit 3"), TimeSpan.FromSeconds(10), WorkRoot);

        var error = await Assert.ThrowsAsync<PdfRenderingException>(() =>
            renderer.RenderAsync(Html(), Stream.Null, TestContext.Current.CancellationToken));

        Assert.Equal("Chromium exited with code 3 without printing a PDF. cannot open display", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(WorkRoot));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25, TestContext.Current.CancellationToken);
        }
        Assert.True(condition(), "timed out waiting");
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
