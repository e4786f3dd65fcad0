using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.Retention;

/// <summary>The API with the retention job on a cron that fires every second.</summary>
public sealed class EverySecondRetentionFactory : RetentionApiFactory
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        base.Configure(settings);
        settings["Retention:Cron"] = "* * * * * ?";
    }
}

public sealed class ScheduledRetentionTests(EverySecondRetentionFactory api) : IClassFixture<EverySecondRetentionFactory>
{
    [Fact]
    public async Task The_scheduled_job_deletes_old_rows_and_records_a_schedule_run()
    {
        var admin = await api.CreateAdminClientAsync();
        await api.ExecuteAsync("""
            insert into ingest_dead_letters (id, kind, shop_id, payload, received_at, failed_at, attempts, reason)
            values (1, 1, 'ret-s', '\x7b7d', now() - interval '12 days', now() - interval '11 days', 1, 'old'),
                   (2, 1, 'ret-s', '\x7b7d', now() - interval '2 days', now() - interval '1 day', 1, 'new');
            """);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await api.CountAsync("select count(*) from ingest_dead_letters") != 1 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        Assert.Equal("new", await StoreQueries.ScalarAsync<string>(api.Database.ConnectionString, "select string_agg(reason, ',') from ingest_dead_letters"));
        var status = await (await admin.GetAsync("/api/v1/admin/retention", TestContext.Current.CancellationToken)).ReadJsonAsync();
        var deadLetters = status.GetProperty("datasets").EnumerateArray().Single(d => d.GetProperty("dataset").GetString() == "dead_letters");
        Assert.Equal("schedule", deadLetters.GetProperty("lastRun").GetProperty("trigger").GetString());
        Assert.True(status.GetProperty("nextRunAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddSeconds(-5));
        Assert.Equal(1, await api.CountAsync("select coalesce(sum(rows_deleted), 0) from retention_runs where dataset = 'dead_letters' and trigger = 'schedule'"));
    }
}
