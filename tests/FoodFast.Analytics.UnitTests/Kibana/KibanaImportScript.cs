using System.Diagnostics;
using FoodFast.Analytics.UnitTests.Deployment;
using FoodFast.Analytics.UnitTests.Elasticsearch.Support;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace FoodFast.Analytics.UnitTests.Kibana;

public sealed record ScriptRun(int ExitCode, string Output, string Errors);

/// <summary>Runs scripts/kibana-import.sh with bash against a listener, and reads the multipart body it sent.</summary>
public static class KibanaImportScript
{
    public static async Task<ScriptRun> RunAsync(ScriptedNode kibana, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("bash", [RepoFile.PathOf("scripts/kibana-import.sh")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var name in new[] { "KIBANA_SPACE", "KIBANA_API_KEY", "KIBANA_USERNAME", "KIBANA_PASSWORD", "KIBANA_PUBLIC_URL", "KIBANA_DIR" })
        {
            start.Environment.Remove(name);
        }
        start.Environment["KIBANA_URL"] = kibana.Url;
        start.Environment["KIBANA_POLL_SECONDS"] = "0.1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new ScriptRun(process.ExitCode, await output, await errors);
    }

    public static async Task<(string Name, string FileName, byte[] Content)> SingleFilePartAsync(RecordedRequest request)
    {
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(request.Headers["Content-Type"]).Boundary).Value!;
        var reader = new MultipartReader(boundary, new MemoryStream(request.Body));
        var section = await reader.ReadNextSectionAsync(TestContext.Current.CancellationToken);
        Assert.NotNull(section);
        var disposition = ContentDispositionHeaderValue.Parse(section.ContentDisposition);
        using var content = new MemoryStream();
        await section.Body.CopyToAsync(content, TestContext.Current.CancellationToken);
        Assert.Null(await reader.ReadNextSectionAsync(TestContext.Current.CancellationToken));
        return (HeaderUtilities.RemoveQuotes(disposition.Name).Value!, HeaderUtilities.RemoveQuotes(disposition.FileName).Value!, content.ToArray());
    }
}
