using System.Diagnostics;
using System.Text.RegularExpressions;

namespace FoodFast.Analytics.UnitTests.Reports;

/// <summary>Reads PDFs back with poppler-utils (pdftotext, pdfinfo, pdftoppm), which scripts/test.sh installs.</summary>
internal static partial class PopplerTools
{
    /// <summary>Where tests leave files worth looking at: <c>artifacts/reports</c> under the test output folder.</summary>
    public static string ArtifactFolder()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "artifacts", "reports");
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static Task<string> TextAsync(string pdf) => RunAsync("pdftotext", "-layout", pdf, "-");

    public static async Task<int> PageCountAsync(string pdf)
    {
        var info = await RunAsync("pdfinfo", pdf);
        return int.Parse(Pages().Match(info).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Renders page 1 to <c>{prefix}-1.png</c> (pdftoppm's naming) and returns its path.</summary>
    public static async Task<string> FirstPageAsPngAsync(string pdf, string prefix)
    {
        await RunAsync("pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", pdf, prefix);
        return Directory.GetFiles(Path.GetDirectoryName(prefix)!, Path.GetFileName(prefix) + "-*1.png").Single();
    }

    private static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} failed ({process.ExitCode}): {await error}");
        return await output;
    }

    [GeneratedRegex(@"^Pages:\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex Pages();
}
