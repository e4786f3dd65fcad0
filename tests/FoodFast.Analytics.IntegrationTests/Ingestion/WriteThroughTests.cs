using System.Net;
using FoodFast.Analytics.Core.Orders;
using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.Ingestion;

/// <summary>
/// On the Postgres backend in the service database, accepted items are written into the store in the ingest log's
/// transaction: queryable at the 202 with no indexer running, and only what the store cannot take waits in the log.
/// </summary>
public sealed class WriteThroughTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Items_are_in_the_store_at_the_202_and_only_a_status_change_for_a_missing_order_waits_in_the_log()
    {
        await using var api = new WithoutIndexer(writeThrough: true);
        await api.InitializeAsync();
        var client = await api.CreateAdminClientAsync();
        var t = Sample.Now;

        var events = await client.PostAsync("/api/v1/events/batch", Sample.Json(new[] { Sample.Event("wt-shop"), Sample.Event("wt-shop"), Sample.Event("wt-shop") }), Ct);
        var orders = await client.PostAsync("/api/v1/orders/batch", Sample.Json(new[] { Sample.Order("wt-shop", "wt-1", OrderStatus.Paid, t), Sample.Order("wt-shop", "wt-2", OrderStatus.Paid, t) }), Ct);
        var known = await client.PatchAsync("/api/v1/orders/wt-1/status", Sample.Json(new { shopId = "wt-shop", status = "refunded", updatedAt = t.AddHours(1) }), Ct);
        var missing = await client.PatchAsync("/api/v1/orders/wt-9/status", Sample.Json(new { shopId = "wt-shop", status = "cancelled", updatedAt = t.AddHours(1) }), Ct);
        var status = await (await client.GetAsync("/api/v1/admin/ingestion", Ct)).ReadJsonAsync();

        Assert.All([events, orders, known, missing], r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        Assert.Equal(3, await api.CountAsync("select count(*) from events where shop_id = 'wt-shop'"));
        Assert.Equal(2, await api.CountAsync("select count(*) from orders where shop_id = 'wt-shop'"));
        Assert.Equal(1, await api.CountAsync("select count(*) from orders where shop_id = 'wt-shop' and order_id = 'wt-1' and status = 'refunded' and refunded_at = $1", t.AddHours(1).UtcDateTime));
        Assert.Equal(1, await api.CountAsync("select count(*) from order_items where shop_id = 'wt-shop' and order_id = 'wt-1' and status = 'refunded'"));
        Assert.Equal(1, await api.CountAsync("select count(*) from ingest_log"));
        Assert.Equal(1, await api.CountAsync("select count(*) from ingest_log where shop_id = 'wt-shop' and kind = 3"));
        Assert.Equal(1, status.GetProperty("pending").GetInt64());
        Assert.Equal(6, status.GetProperty("instance").GetProperty("indexed").GetInt64());
        Assert.Equal(7, status.GetProperty("instance").GetProperty("accepted").GetInt64());
    }

    [Fact]
    public async Task Without_write_through_every_item_waits_in_the_log_for_the_indexer()
    {
        await using var api = new WithoutIndexer(writeThrough: false);
        await api.InitializeAsync();
        var client = await api.CreateAdminClientAsync();

        var events = await client.PostAsync("/api/v1/events/batch", Sample.Json(new[] { Sample.Event("wt-off"), Sample.Event("wt-off") }), Ct);

        Assert.Equal(HttpStatusCode.Accepted, events.StatusCode);
        Assert.Equal(0, await api.CountAsync("select count(*) from events where shop_id = 'wt-off'"));
        Assert.Equal(2, await api.CountAsync("select count(*) from ingest_log where shop_id = 'wt-off'"));
    }

    [Fact]
    public async Task A_batch_that_fails_on_its_data_is_logged_whole_and_the_indexer_keeps_the_good_items_and_dead_letters_the_bad()
    {
        await using var api = new IngestionApiFactory();
        await api.InitializeAsync();
        var client = await api.CreateAdminClientAsync();
        // A rule of this test's own that the validator does not know, so the store refuses the item on its data.
        await StoreQueries.ExecuteAsync(api.Database.ConnectionString, "alter table events add constraint no_poison check (session_id is distinct from 'poison')");
        var good = new[] { Sample.Event("wt-poison"), Sample.Event("wt-poison") };
        var poison = Sample.Event("wt-poison") with { SessionId = "poison" };

        var response = await client.PostAsync("/api/v1/events/batch?wait=true", Sample.Json(new[] { good[0], poison, good[1] }), Ct);
        var letters = await (await client.GetAsync("/api/v1/admin/ingestion/dead-letters?shopId=wt-poison", Ct)).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("indexed").GetBoolean());
        Assert.Equal(2, await StoreQueries.ScalarAsync<long>(api.Database.ConnectionString, "select count(*) from events where shop_id = 'wt-poison'"));
        Assert.Equal(0, await StoreQueries.ScalarAsync<long>(api.Database.ConnectionString, "select count(*) from events where session_id = 'poison'"));
        Assert.Equal(1, letters.GetArrayLength());
        Assert.Contains("no_poison", letters[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await StoreQueries.ScalarAsync<long>(api.Database.ConnectionString, "select count(*) from ingest_log"));
    }

    [Fact]
    public async Task A_group_that_loses_a_deadlock_is_accepted_and_waits_in_the_log()
    {
        await using var api = new WithoutIndexer(writeThrough: true);
        await api.InitializeAsync();
        var client = await api.CreateAdminClientAsync();
        // Stands in for another writer holding the same hour's rollup rows: Postgres aborts this group with 40P01.
        await StoreQueries.ExecuteAsync(api.Database.ConnectionString, """
            create function lose_deadlock() returns trigger language plpgsql as $$
            begin
                if new.session_id = 'deadlock' then raise exception 'deadlock detected (test)' using errcode = '40P01'; end if;
                return new;
            end $$;
            create trigger lose_deadlock before insert on events for each row execute function lose_deadlock();
            """);

        var response = await client.PostAsync("/api/v1/events/batch", Sample.Json(new[] { Sample.Event("wt-deadlock"), Sample.Event("wt-deadlock") with { SessionId = "deadlock" } }), Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(0, await api.CountAsync("select count(*) from events where shop_id = 'wt-deadlock'"));
        Assert.Equal(2, await api.CountAsync("select count(*) from ingest_log where shop_id = 'wt-deadlock'"));
    }

    private sealed class WithoutIndexer(bool writeThrough) : ApiFactory
    {
        public Task<long> CountAsync(string sql, params object[] values) => StoreQueries.ScalarAsync<long>(Database.ConnectionString, sql, values);

        protected override void Configure(IDictionary<string, string?> settings)
        {
            settings["Ingestion:IndexerEnabled"] = "false";
            settings["Ingestion:WriteThrough"] = writeThrough ? "true" : "false";
        }
    }
}
