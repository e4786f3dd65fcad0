using System.Net;
using System.Net.Http.Json;
using FoodFast.Analytics.Api.Security;
using FoodFast.Analytics.IntegrationTests.Infrastructure;
using Npgsql;

namespace FoodFast.Analytics.IntegrationTests.Reports;

/// <summary>Reports slowed to a second per row, so a run can be watched, refused (409) and cancelled mid-way.</summary>
public sealed class SlowReportApiFactory : ReportApiFactory
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        base.Configure(settings);
        settings["Reports:RowDelayMilliseconds"] = "1000";
    }
}

/// <summary>What happens to a report after it is requested: 409 while running, cancellation, expiry (410).</summary>
public sealed class ReportLifecycleTests(SlowReportApiFactory factory) : IClassFixture<SlowReportApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_running_report_answers_409_and_stops_within_seconds_when_deleted()
    {
        using var loader = await factory.LoadedClientAsync();
        using var client = await factory.CreateClientAsync(Role.Analyst, "shop-a");
        var id = (await client.RequestAsync("raw_events", "csv")).GetProperty("id").GetString()!;
        await client.WaitForAsync(id, TimeSpan.FromSeconds(30), "running");

        var notReady = await (await client.GetAsync(new Uri($"/api/v1/reports/{id}/download", UriKind.Relative), Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        using var deleted = await client.DeleteAsync(new Uri($"/api/v1/reports/{id}", UriKind.Relative), Ct);
        var cancelled = await deleted.ReadJsonAsync();
        await Task.Delay(TimeSpan.FromSeconds(3), Ct);
        var later = await client.WaitForAsync(id, TimeSpan.FromSeconds(5), "cancelled");

        Assert.StartsWith($"Report {id} is running", notReady.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.True(later.GetProperty("rowsWritten").GetInt64() < 9, later.ToString());
        Assert.False(later.TryGetProperty("sha256", out _)); // null values are left out
        // This job left no file and no half-written one; finished files of other tests' runs may share the folder.
        Assert.Empty(Directory.GetFiles(factory.FilesRoot, $"*{Guid.Parse(id):N}*", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(Path.Combine(factory.FilesRoot, ".incoming")));
    }

    [Fact]
    public async Task An_expired_report_is_cleaned_up_and_answers_410()
    {
        using var loader = await factory.LoadedClientAsync();
        using var client = await factory.CreateClientAsync(Role.Analyst, "shop-a");
        var done = await client.CompleteAsync((await client.RequestAsync("sales_summary", "csv")).GetProperty("id").GetString()!);
        var id = done.GetProperty("id").GetString()!;
        Assert.Single(Directory.GetFiles(factory.FilesRoot, $"{Guid.Parse(id):N}.csv"));
        var retention = done.GetProperty("expiresAt").GetDateTimeOffset() - done.GetProperty("finishedAt").GetDateTimeOffset();

        await using (var data = factory.Database.OpenDataSource())
        {
            await using var expire = data.CreateCommand("update report_jobs set expires_at = now() - interval '1 second' where id = $1");
            expire.Parameters.Add(new NpgsqlParameter { Value = Guid.Parse(id) });
            Assert.Equal(1, await expire.ExecuteNonQueryAsync(Ct));
        }
        await client.WaitForAsync(id, TimeSpan.FromSeconds(15), "expired");

        await (await client.GetAsync(new Uri($"/api/v1/reports/{id}/download", UriKind.Relative), Ct)).AssertProblemAsync(HttpStatusCode.Gone);
        Assert.Empty(Directory.GetFiles(factory.FilesRoot, $"{Guid.Parse(id):N}.csv"));
        Assert.Equal(TimeSpan.FromDays(7), retention);
    }

    [Fact]
    public async Task A_schedule_with_a_short_cron_fires_and_its_runs_appear_in_the_history()
    {
        using var loader = await factory.LoadedClientAsync();
        using var client = await factory.CreateClientAsync(Role.Analyst, "shop-a");

        using var created = await client.PostAsJsonAsync("/api/v1/report-schedules",
            new { name = "every two seconds", kind = "daily_sales", format = "json", cron = "0/2 * * * * ?", timeZone = "Europe/Berlin" }, Ct);
        var schedule = await created.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var scheduleId = schedule.GetProperty("id").GetString()!;
        var next = schedule.GetProperty("nextFireAt").GetDateTimeOffset();
        Assert.InRange(next - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(-1), TimeSpan.FromSeconds(3));

        var run = await WaitForRunAsync(client, scheduleId);
        using var paused = await client.PatchAsJsonAsync($"/api/v1/report-schedules/{scheduleId}", new { enabled = false }, Ct);
        var disabled = await paused.ReadJsonAsync();
        using var removed = await client.DeleteAsync(new Uri($"/api/v1/report-schedules/{scheduleId}", UriKind.Relative), Ct);
        using var gone = await client.GetAsync(new Uri($"/api/v1/report-schedules/{scheduleId}", UriKind.Relative), Ct);
        // Deleting a schedule keeps its past runs, detached: still listed and downloadable, no scheduleId any more.
        var kept = await (await client.GetAsync(new Uri($"/api/v1/reports/{run.GetProperty("id").GetString()}", UriKind.Relative), Ct)).ReadJsonAsync();

        Assert.Equal("daily_sales", run.GetProperty("kind").GetString());
        Assert.Equal($"schedule:{scheduleId}", run.GetProperty("requestedBy").GetString());
        Assert.Equal("shop-a", run.GetProperty("shopId").GetString());
        Assert.False(disabled.GetProperty("enabled").GetBoolean());
        Assert.False(disabled.TryGetProperty("nextFireAt", out _));
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        await gone.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("succeeded", kept.GetProperty("status").GetString());
        Assert.False(kept.TryGetProperty("scheduleId", out _));
        Assert.Equal($"schedule:{scheduleId}", kept.GetProperty("requestedBy").GetString());
        await client.DownloadAsync(kept);
    }

    [Fact]
    public async Task The_cleanup_deletes_temporary_files_left_by_a_killed_run_and_keeps_recent_ones()
    {
        using var client = await factory.CreateClientAsync(Role.Analyst, "shop-a"); // the host runs, and with it the cleanup job
        var incoming = Path.Combine(factory.FilesRoot, ".incoming");
        var abandoned = Path.Combine(incoming, $"{Guid.NewGuid():N}.tmp");
        var recent = Path.Combine(incoming, $"{Guid.NewGuid():N}.tmp");
        await File.WriteAllTextAsync(abandoned, "half a report", Ct);
        File.SetLastWriteTimeUtc(abandoned, DateTime.UtcNow.AddMinutes(-16)); // older than AbandonedFileMinutes (15)
        await File.WriteAllTextAsync(recent, "another instance is still writing this", Ct);
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (File.Exists(abandoned) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, Ct);
            }

            Assert.False(File.Exists(abandoned), "the abandoned temporary file is still there after 20 s of 1-second cleanups");
            Assert.True(File.Exists(recent));
        }
        finally
        {
            File.Delete(recent);
        }
    }

    [Fact]
    public async Task A_schedule_with_a_bad_cron_or_zone_is_a_problem_naming_the_fields()
    {
        using var client = await factory.CreateClientAsync(Role.Analyst, "shop-a");

        using var response = await client.PostAsJsonAsync("/api/v1/report-schedules",
            new { name = "bad", kind = "daily_sales", format = "csv", cron = "every day", timeZone = "Europe/Atlantis" }, Ct);
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        using var past = await client.PostAsJsonAsync("/api/v1/report-schedules",
            new { name = "past", kind = "daily_sales", format = "csv", cron = "0 0 6 1 1 ? 2020", timeZone = "Europe/Berlin" }, Ct);
        var never = await past.AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("cron", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("timeZone", out _));
        // A cron that can no longer fire is the client's mistake (it was a 500 when Quartz refused the trigger).
        Assert.StartsWith("'0 0 6 1 1 ? 2020' never fires after", never.GetProperty("errors").GetProperty("cron")[0].GetString(), StringComparison.Ordinal);
    }

    private static async Task<System.Text.Json.JsonElement> WaitForRunAsync(HttpClient client, string scheduleId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var page = await (await client.GetAsync(new Uri($"/api/v1/reports?scheduleId={scheduleId}&status=succeeded", UriKind.Relative), Ct)).ReadJsonAsync();
            if (page.GetProperty("items").GetArrayLength() > 0)
            {
                return page.GetProperty("items")[0];
            }
            await Task.Delay(250, Ct);
        }
        throw new TimeoutException($"schedule {scheduleId} produced no report within 60 s");
    }
}
