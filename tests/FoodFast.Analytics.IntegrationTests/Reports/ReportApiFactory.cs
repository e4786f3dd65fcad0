using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FoodFast.Analytics.IntegrationTests.Contract;
using FoodFast.Analytics.IntegrationTests.Infrastructure;
using FoodFast.Analytics.IntegrationTests.Queries;

namespace FoodFast.Analytics.IntegrationTests.Reports;

/// <summary>The API with the contract data, report files in a folder of its own, a fast cleanup and quick cluster check-ins.</summary>
public class ReportApiFactory : QueryApiFactory
{
    public string FilesRoot { get; } = Path.Combine(Path.GetTempPath(), $"fftest-reports-{Guid.NewGuid():N}");

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Reports:FilesRoot"] = FilesRoot;
        settings["Reports:CleanupIntervalSeconds"] = "1";
        settings["Reports:ClusterCheckinSeconds"] = "1";
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(FilesRoot))
        {
            Directory.Delete(FilesRoot, recursive: true);
        }
        GC.SuppressFinalize(this);
    }
}

/// <summary>Reports over HTTP: request, poll, download.</summary>
public static class ReportClient
{
    /// <summary>The contract period (three Berlin days, Oct 24-26 2026).</summary>
    public static object ContractPeriod => new { from = ContractData.From, to = ContractData.To, tz = ContractData.Zone };

    public static async Task<JsonElement> RequestAsync(this HttpClient client, string kind, string format, object? parameters = null, string? shopId = null, string path = "/api/v1/reports")
    {
        using var response = await client.PostAsJsonAsync(path, new { kind, format, parameters = parameters ?? ContractPeriod, shopId }, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"expected 202, got {(int)response.StatusCode}: {body}");
        var job = JsonDocument.Parse(body).RootElement;
        Assert.Equal($"/api/v1/reports/{job.GetProperty("id").GetString()}", response.Headers.Location?.OriginalString);
        return job;
    }

    /// <summary>Polls the job until its status is one of <paramref name="statuses"/>; fails with the last state otherwise.</summary>
    public static async Task<JsonElement> WaitForAsync(this HttpClient client, string id, TimeSpan timeout, params string[] statuses)
    {
        var deadline = DateTime.UtcNow + timeout;
        JsonElement job = default;
        while (DateTime.UtcNow < deadline)
        {
            using var response = await client.GetAsync(new Uri($"/api/v1/reports/{id}", UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            job = await response.ReadJsonAsync();
            if (statuses.Contains(job.GetProperty("status").GetString()))
            {
                return job;
            }
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException($"report {id} is not {string.Join("/", statuses)} after {timeout}: {job}");
    }

    public static Task<JsonElement> CompleteAsync(this HttpClient client, string id) =>
        client.WaitForAsync(id, TimeSpan.FromSeconds(90), "succeeded", "failed", "cancelled");

    public static async Task<byte[]> DownloadAsync(this HttpClient client, JsonElement job)
    {
        using var response = await client.GetAsync(new Uri($"/api/v1/reports/{job.GetProperty("id").GetString()}/download", UriKind.Relative), TestContext.Current.CancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"download: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(bytes)}");
        var sha = job.GetProperty("sha256").GetString()!;
        Assert.Equal(sha, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
        Assert.Equal($"\"{sha}\"", response.Headers.ETag?.Tag);
        Assert.Equal(job.GetProperty("contentType").GetString(), response.Content.Headers.ContentType?.ToString());
        Assert.Equal(job.GetProperty("fileName").GetString(), response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(job.GetProperty("sizeBytes").GetInt64(), bytes.LongLength);
        return bytes;
    }
}
