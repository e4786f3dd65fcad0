using System.Diagnostics;
using System.Text;

namespace FoodFast.Analytics.Reports.Writers.Pdf;

/// <summary>
/// Prints with headless Chromium, one process per report, in a fresh profile and work folder that are
/// always deleted. Cancellation or the timeout kills the whole process tree.
/// </summary>
public sealed class ChromiumPdfRenderer(string executablePath, TimeSpan timeout, string? tempRoot = null) : IPdfRenderer
{
    public const string DefaultExecutablePath = "/usr/bin/chromium";

    public async Task RenderAsync(string htmlPath, Stream destination, CancellationToken cancellationToken)
    {
        if (!File.Exists(executablePath))
        {
            throw new PdfRenderingException(
                $"Chromium was not found at '{executablePath}': install Debian package chromium (apt-get install -y chromium) or set Reports:ChromiumPath.");
        }
        using var work = new WorkFolder(tempRoot, "ff-chromium-");
        var pdfPath = work.File("report.pdf");
        using (var process = new Process { StartInfo = StartInfo(work.File("profile"), pdfPath, htmlPath) })
        {
            var errors = new StringBuilder();
            process.ErrorDataReceived += (_, line) =>
            {
                lock (errors)
                {
                    // The first lines say why; Chromium can be chatty, so keep the message readable.
                    if (errors.Length < 2000)
                    {
                        errors.AppendLine(line.Data);
                    }
                }
            };
            process.Start();
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
            await WaitAsync(process, cancellationToken);

            if (process.ExitCode != 0 || !File.Exists(pdfPath) || new FileInfo(pdfPath).Length == 0)
            {
                string detail;
                lock (errors) { detail = errors.ToString().Trim(); }
                throw new PdfRenderingException($"Chromium exited with code {process.ExitCode} without printing a PDF. {detail}".Trim());
            }
        }
        await using var pdf = File.OpenRead(pdfPath);
        await pdf.CopyToAsync(destination, cancellationToken);
    }

    private async Task WaitAsync(Process process, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            throw new PdfRenderingException($"Chromium did not print the PDF within {timeout.TotalSeconds:0.#} s (Reports:ChromiumTimeoutSeconds).");
        }
    }

    private ProcessStartInfo StartInfo(string profile, string pdfPath, string htmlPath)
    {
        var info = new ProcessStartInfo(executablePath)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-pdf-header-footer",
            $"--user-data-dir={profile}", $"--print-to-pdf={pdfPath}", new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri,
        ];
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        return info;
    }
}
