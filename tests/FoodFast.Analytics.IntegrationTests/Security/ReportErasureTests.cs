using System.Net;
using System.Text;
using FoodFast.Analytics.Api.Security;
using FoodFast.Analytics.IntegrationTests.Infrastructure;
using FoodFast.Analytics.IntegrationTests.Reports;

namespace FoodFast.Analytics.IntegrationTests.Security;

/// <summary>Erasing a customer lists the generated report files that may hold them and deletes them on request, over HTTP on the contract data.</summary>
public sealed class ReportErasureTests(ReportApiFactory api) : IClassFixture<ReportApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IEnumerable<string> FilesOf(string jobId) =>
        Directory.Exists(api.FilesRoot) ? Directory.EnumerateFiles(api.FilesRoot, $"{Guid.Parse(jobId):N}*", SearchOption.AllDirectories) : [];

    [Fact]
    public async Task Erasure_lists_the_shops_report_files_and_on_request_deletes_them_marks_them_erased_and_names_them_in_the_answer_and_audit()
    {
        using var admin = await api.LoadedClientAsync();
        using var shopA = await api.CreateClientAsync(Role.Analyst, "shop-a");
        using var shopB = await api.CreateClientAsync(Role.Analyst, "shop-b");
        var holding = await shopA.CompleteAsync((await shopA.RequestAsync("raw_orders", "csv")).GetProperty("id").GetString()!);
        var other = await shopB.CompleteAsync((await shopB.RequestAsync("raw_orders", "csv")).GetProperty("id").GetString()!);
        var holdingId = holding.GetProperty("id").GetString()!;
        Assert.Contains(",c1,", Encoding.UTF8.GetString(await shopA.DownloadAsync(holding)), StringComparison.Ordinal);
        Assert.Single(FilesOf(holdingId));

        using var listing = await admin.DeleteAsync("/api/v1/admin/customers/c1?shopId=shop-a", Ct);

        // Without deleteReports the answer lists the files that may hold the customer and leaves them in place.
        var listed = await listing.ReadJsonAsync();
        Assert.Equal([holdingId], listed.GetProperty("reportsHoldingShopData").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0, listed.GetProperty("reportsErased").GetArrayLength());
        Assert.Single(FilesOf(holdingId));

        using var response = await admin.DeleteAsync("/api/v1/admin/customers/c1?shopId=shop-a&deleteReports=true", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.ReadJsonAsync();
        Assert.Equal([holdingId], result.GetProperty("reportsHoldingShopData").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([holdingId], result.GetProperty("reportsErased").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0, result.GetProperty("reportsCancelled").GetArrayLength());
        Assert.Empty(FilesOf(holdingId));
        var gone = await (await shopA.GetAsync($"/api/v1/reports/{holdingId}/download", Ct)).AssertProblemAsync(HttpStatusCode.Gone);
        Assert.Equal("Report erased", gone.GetProperty("title").GetString());
        var job = await (await shopA.GetAsync($"/api/v1/reports/{holdingId}", Ct)).ReadJsonAsync();
        Assert.Equal("erased", job.GetProperty("status").GetString());
        // Another shop's report cannot hold this shop's customer: it stays downloadable.
        Assert.Single(FilesOf(other.GetProperty("id").GetString()!));
        await shopB.DownloadAsync(other);
        var audit = await (await admin.GetAsync("/api/v1/admin/audit?action=customer.erase", Ct)).ReadJsonAsync();
        Assert.Contains("customers/c1 reports-listed=1 reports-erased=0 reports-cancelled=0", audit.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("customers/c1 reports-listed=1 reports-erased=1 reports-cancelled=0", audit.GetRawText(), StringComparison.Ordinal);
        // Both runs of this class's own instance show in the report metrics.
        var scrape = await Observability.Scrape.TakeAsync(admin);
        Assert.Equal(2, scrape.Value("foodfast_report_jobs_total{format=\"csv\",status=\"succeeded\"}"));
        Assert.Equal(2, scrape.Value("foodfast_report_job_duration_seconds_count{format=\"csv\",status=\"succeeded\"}"));
    }
}
