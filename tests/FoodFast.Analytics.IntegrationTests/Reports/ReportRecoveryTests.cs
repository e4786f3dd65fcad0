using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.Reports;

/// <summary>
/// A report cut short by a crash (kill -9 of the service process) runs again from the start on another instance
/// of the same database: Quartz's cluster sees the dead instance miss its check-ins and recovers the run.
/// </summary>
public sealed class ReportRecoveryTests : IAsyncLifetime
{
    private const int Events = 12;
    private readonly TestDatabase _database = new();
    private readonly string _files = Path.Combine(Path.GetTempPath(), $"fftest-recovery-{Guid.NewGuid():N}");
    private readonly string _adminKey = $"fftest-admin-{Guid.NewGuid():N}";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await _database.CreateAsync();

    public async ValueTask DisposeAsync()
    {
        await _database.DropAsync();
        if (Directory.Exists(_files))
        {
            Directory.Delete(_files, recursive: true);
        }
    }

    private Dictionary<string, string> Environment() => new()
    {
        ["Postgres__ConnectionString"] = _database.ConnectionString,
        ["Redis__Configuration"] = TestServers.Redis,
        ["Redis__KeyPrefix"] = $"fftest:{_database.Name}:",
        ["Security__AdminApiKey"] = _adminKey,
        ["Reports__FilesRoot"] = _files,
        ["Reports__RowDelayMilliseconds"] = "500",
        ["Reports__ClusterCheckinSeconds"] = "1",
    };

    [Fact]
    public async Task A_report_interrupted_by_kill_9_completes_on_the_next_instance()
    {
        string id;
        await using (var first = ServiceProcess.Start(Environment()))
        {
            await first.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            await InsertEventsAsync();
            using var client = Admin(first);
            using var created = await client.PostAsJsonAsync("/api/v1/reports", new
            {
                kind = "raw_events", format = "csv", shopId = "shop-r",
                parameters = new { from = "2026-10-25T00:00:00Z", to = "2026-10-26T00:00:00Z" },
            }, Ct);
            Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
            id = (await created.ReadJsonAsync()).GetProperty("id").GetString()!;
            var running = await client.WaitForAsync(id, TimeSpan.FromSeconds(30), "running");
            await Task.Delay(TimeSpan.FromSeconds(2), Ct);
            Assert.Equal(1, running.GetProperty("attempts").GetInt32());
        } // disposing kills the process tree with SIGKILL: no shutdown hooks run

        await using var second = ServiceProcess.Start(Environment());
        await second.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        using var admin = Admin(second);
        var done = await admin.WaitForAsync(id, TimeSpan.FromSeconds(90), "succeeded", "failed");
        var csv = Encoding.UTF8.GetString(await admin.DownloadAsync(done));

        Assert.Equal("succeeded", done.GetProperty("status").GetString());
        Assert.Equal(Events, done.GetProperty("rowsWritten").GetInt64());
        Assert.Equal(Events + 1, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(2, done.GetProperty("attempts").GetInt32());
    }

    private HttpClient Admin(ServiceProcess service)
    {
        var client = service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", _adminKey);
        return client;
    }

    /// <summary>Events written straight into the analytics table the service created (this test is about the job, not ingestion).</summary>
    private async Task InsertEventsAsync()
    {
        await using var data = _database.OpenDataSource();
        await using var insert = data.CreateCommand($"""
            insert into events (event_id, shop_id, occurred_at, category, type, session_id)
            select gen_random_uuid(), 'shop-r', timestamptz '2026-10-25T08:00:00Z' + i * interval '1 minute', 'user', 'page_view', 's' || i
            from generate_series(1, {Events}) i
            """);
        Assert.Equal(Events, await insert.ExecuteNonQueryAsync(Ct));
    }
}
