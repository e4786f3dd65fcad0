using System.Net;
using System.Text.Json;
using FoodFast.Analytics.IntegrationTests.Infrastructure;
using FoodFast.Analytics.Reports.Files;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FoodFast.Analytics.IntegrationTests.Retention;

public sealed class RetentionTests(RetentionApiFactory api) : IClassFixture<RetentionApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_run_deletes_what_is_older_than_each_cutoff_in_batches_keeps_the_rest_and_records_itself()
    {
        var admin = await api.CreateAdminClientAsync();
        await SeedAsync();
        var query = EventCountQuery();
        var cachedBefore = await admin.PostAsync("/api/v1/analytics/query", Sample.Json(query), Ct);
        Assert.Equal("4", EventCount(await cachedBefore.ReadJsonAsync()));

        var response = await admin.PostAsync("/api/v1/admin/retention/run", null, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var run = await response.ReadJsonAsync();
        Assert.Equal("manual", run.GetProperty("trigger").GetString());
        Assert.Equal(7 + 5 + 4 + 2, run.GetProperty("rowsDeleted").GetInt64());
        var datasets = run.GetProperty("datasets").EnumerateArray().ToList();
        Assert.Equal(
            ["events succeeded 7 30", "orders succeeded 5 60", "dead_letters succeeded 4 10", "report_files succeeded 2 20", "audit_log kept 0 -"],
            datasets.Select(Summary));
        // Rows older than the cutoff are gone, newer ones are kept: orders count from their last change, not their creation.
        Assert.Equal(2, await api.CountAsync("select count(*) from events"));
        Assert.Equal(["o-recent", "o-updated"], await OrderIdsAsync());
        Assert.Equal(4, await api.CountAsync("select count(*) from order_items"));
        Assert.Equal(1, await api.CountAsync("select count(*) from ingest_dead_letters"));
        Assert.Equal(["queued-old", "succeeded-new"], await ReportJobsAsync());
        Assert.Equal(["ret-a/new.csv"], Directory.EnumerateFiles(api.FilesRoot, "*.csv", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(api.FilesRoot, f).Replace('\\', '/')).Order());
        // Each delete statement took at most a batch (3 rows): 7 events went in 3 + 3 + 1.
        Assert.Equal("3,3,1", await StoreQueries.ScalarAsync<string>(api.Database.ConnectionString, "select string_agg(n::text, ',' order by id) from event_deletes"));
        // The shop's cached result was purged: the same query is recomputed without the deleted events.
        var after = await admin.PostAsync("/api/v1/analytics/query", Sample.Json(query), Ct);
        Assert.Equal("miss", after.Headers.GetValues("X-Cache").Single());
        Assert.Equal("0", EventCount(await after.ReadJsonAsync()));

        var status = await (await admin.GetAsync("/api/v1/admin/retention", Ct)).ReadJsonAsync();
        Assert.Equal(("postgres", "0 0 0 1 1 ? 2099", 3), (status.GetProperty("backend").GetString(), status.GetProperty("schedule").GetString(), status.GetProperty("batchSize").GetInt32()));
        Assert.Equal(
            ["events 30 occurredAt retention_job", "orders 60 updatedAt retention_job", "dead_letters 10 failedAt retention_job",
             "report_files 20 finishedAt retention_job", "audit_log 0 at none"],
            status.GetProperty("datasets").EnumerateArray().Select(d =>
                $"{d.GetProperty("dataset").GetString()} {d.GetProperty("days").GetInt32()} {d.GetProperty("dateField").GetString()} {d.GetProperty("enforcedBy").GetString()}"));
        Assert.Equal(datasets.Select(d => d.GetRawText()), status.GetProperty("datasets").EnumerateArray().Select(d => d.GetProperty("lastRun").GetRawText()));
        Assert.Equal(5, await api.CountAsync($"select count(*) from retention_runs where run_id = '{run.GetProperty("runId").GetString()}'"));
    }

    [Fact]
    public async Task A_run_while_another_holds_the_lock_is_a_409_and_deletes_nothing()
    {
        var admin = await api.CreateAdminClientAsync();
        // Unpooled: closing it must end the session, and with it the lock.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(api.Database.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(Ct);
        await using (var hold = new NpgsqlCommand("select pg_advisory_lock(hashtext('foodfast.retention'))", connection))
        {
            await hold.ExecuteScalarAsync(Ct);
        }
        var runsBefore = await api.CountAsync("select count(*) from retention_runs");

        var response = await admin.PostAsync("/api/v1/admin/retention/run", null, Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Retention run in progress", problem.GetProperty("title").GetString());
        Assert.Equal(runsBefore, await api.CountAsync("select count(*) from retention_runs"));
    }

    /// <summary>"dataset outcome rows days", where days is read back from cutoff = startedAt - days ("-" without a cutoff: nulls are left out on the wire).</summary>
    private static string Summary(JsonElement d)
    {
        var days = !d.TryGetProperty("cutoff", out var cutoff) ? "-"
            : ((d.GetProperty("startedAt").GetDateTimeOffset() - cutoff.GetDateTimeOffset()).TotalDays).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"{d.GetProperty("dataset").GetString()} {d.GetProperty("outcome").GetString()} {d.GetProperty("rowsDeleted").GetInt64()} {days}";
    }

    private static object EventCountQuery() => new
    {
        dataset = "events", metrics = new[] { "event_count" }, shopId = "ret-a",
        from = DateTimeOffset.UtcNow.Date.AddDays(-45), to = DateTimeOffset.UtcNow.Date.AddDays(-35),
    };

    private static string EventCount(JsonElement result) => result.GetProperty("rows").EnumerateArray().SingleOrDefault() is { ValueKind: JsonValueKind.Array } row
        ? row[0].GetRawText() : "0";

    private async Task<List<string>> OrderIdsAsync() =>
        [.. (await StoreQueries.ScalarAsync<string>(api.Database.ConnectionString, "select string_agg(order_id, ',' order by order_id) from orders")).Split(',')];

    private async Task<List<string>> ReportJobsAsync() =>
        [.. (await StoreQueries.ScalarAsync<string>(api.Database.ConnectionString, "select string_agg(requested_by, ',' order by requested_by) from report_jobs")).Split(',')];

    /// <summary>
    /// Rows on both sides of every cutoff: 7 events 40 days old (4 of ret-a) and 2 of 10 days; 5 orders last changed 70 days
    /// ago (2 lines each), one created 70 days ago but changed 10 days ago, one recent; dead letters 15 days old (4) and 5 (1);
    /// report jobs finished 25 days ago (2, with files), 5 days ago (1, with file), and an old queued one (never touched).
    /// A statement trigger logs how many events each delete statement removed.
    /// </summary>
    private async Task SeedAsync()
    {
        await api.ExecuteAsync("""
            create table event_deletes (id serial primary key, n int not null);
            create function log_event_deletes() returns trigger language plpgsql as
              $$ begin insert into event_deletes (n) select count(*) from gone; return null; end $$;
            create trigger event_deletes after delete on events referencing old table as gone for each statement execute function log_event_deletes();

            insert into events (event_id, shop_id, occurred_at, category, type)
            select gen_random_uuid(), case when i <= 4 then 'ret-a' else 'ret-b' end, now() - interval '40 days', 'product', 'product_view'
            from generate_series(1, 7) i;
            insert into events (event_id, shop_id, occurred_at, category, type)
            select gen_random_uuid(), 'ret-a', now() - interval '10 days', 'product', 'product_view' from generate_series(1, 2);

            insert into orders (shop_id, order_id, status, created_at, updated_at, currency, channel, payment_method, country,
                                subtotal, discount, tax, shipping, total, units, line_count)
            select 'ret-a', o.id, 'paid', now() - o.created, now() - o.updated, 'EUR', 'web', 'card', 'DE', 10, 0, 0, 0, 10, 2, 2
            from (select 'o-old-' || i as id, interval '70 days' as created, interval '70 days' as updated from generate_series(1, 5) i
                  union all select 'o-updated', interval '70 days', interval '10 days'
                  union all select 'o-recent', interval '3 days', interval '3 days') o;
            insert into order_items (shop_id, order_id, line_no, product_id, product_name, category, quantity, unit_price, line_total,
                                     status, created_at, currency, country, channel)
            select o.shop_id, o.order_id, l, 'p-' || l, 'Product', 'bakery', 1, 5, 5, 'paid', o.created_at, 'EUR', 'DE', 'web'
            from orders o cross join generate_series(1, 2) l;

            insert into ingest_dead_letters (id, kind, shop_id, payload, received_at, failed_at, attempts, reason)
            select i, 1, 'ret-a', '\x7b7d', now() - interval '16 days', now() - case when i <= 4 then interval '15 days' else interval '5 days' end, 1, 'test'
            from generate_series(1, 5) i;

            insert into report_jobs (id, shop_id, kind, format, parameters, status, requested_by, created_at, finished_at, file_key)
            values (gen_random_uuid(), 'ret-a', 'sales_summary', 'csv', '{}', 'succeeded', 'succeeded-old-1', now() - interval '26 days', now() - interval '25 days', 'ret-a/old-1.csv'),
                   (gen_random_uuid(), 'ret-a', 'sales_summary', 'csv', '{}', 'failed', 'succeeded-old-2', now() - interval '26 days', now() - interval '25 days', 'ret-a/old-2.csv'),
                   (gen_random_uuid(), 'ret-a', 'sales_summary', 'csv', '{}', 'succeeded', 'succeeded-new', now() - interval '6 days', now() - interval '5 days', 'ret-a/new.csv'),
                   (gen_random_uuid(), 'ret-a', 'sales_summary', 'csv', '{}', 'queued', 'queued-old', now() - interval '40 days', null, null);
            """);
        var files = api.Services.GetRequiredService<IFileStore>();
        foreach (var key in new[] { "ret-a/old-1.csv", "ret-a/old-2.csv", "ret-a/new.csv" })
        {
            await files.WriteAsync(key, (stream, ct) => stream.WriteAsync("a,b\n"u8.ToArray(), ct).AsTask(), Ct);
        }
    }
}
