using System.Net;
using System.Net.Http.Json;
using FoodFast.Analytics.Core.Orders;
using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.Ingestion;

/// <summary>Written through to the store in the ingest log's transaction: the default on Postgres.</summary>
public sealed class WriteThroughIngestionTests(IngestionApiFactory api) : IngestionTests(api), IClassFixture<IngestionApiFactory>;

/// <summary>Every item through the ingest log and the indexer, as on Elasticsearch or a Postgres store of its own.</summary>
public sealed class LoggedIngestionTests(LoggedIngestionApiFactory api) : IngestionTests(api), IClassFixture<LoggedIngestionApiFactory>;

/// <summary>What ingestion promises on either path from the 202 into the store.</summary>
public abstract class IngestionTests(IngestionApiFactory api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<long> CountAsync(string sql, params object[] values) => StoreQueries.ScalarAsync<long>(api.Database.ConnectionString, sql, values);

    [Fact]
    public async Task Duplicate_events_are_counted_once()
    {
        var client = await api.CreateAdminClientAsync();
        var activity = Sample.Event("dup-shop");

        for (var i = 0; i < 3; i++)
        {
            var response = await client.PostAsync("/api/v1/events?wait=true", Sample.Json(activity), Ct);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }
        var batch = await client.PostAsync("/api/v1/events/batch?wait=true", Sample.Json(new[] { activity, activity }), Ct);

        Assert.Equal(2, (await batch.ReadJsonAsync()).GetProperty("accepted").GetInt32());
        Assert.Equal(1, await CountAsync("select count(*) from events where shop_id = 'dup-shop'"));
    }

    [Fact]
    public async Task A_replayed_batch_changes_nothing()
    {
        var client = await api.CreateAdminClientAsync();
        var orders = new[] { Sample.Order("replay-shop", "r-1"), Sample.Order("replay-shop", "r-2", quantity: 3) };
        var events = new[] { Sample.Event("replay-shop"), Sample.Event("replay-shop") };

        for (var round = 0; round < 2; round++)
        {
            await client.PostAsync("/api/v1/orders/batch?wait=true", Sample.Json(orders), Ct);
            await client.PostAsync("/api/v1/events/batch?wait=true", Sample.Json(events), Ct);
        }

        Assert.Equal(2, await CountAsync("select count(*) from orders where shop_id = 'replay-shop'"));
        Assert.Equal(2, await CountAsync("select count(*) from order_items where shop_id = 'replay-shop'"));
        Assert.Equal(5, await CountAsync("select sum(units) from orders where shop_id = 'replay-shop'"));
        Assert.Equal(2, await CountAsync("select count(*) from events where shop_id = 'replay-shop'"));
    }

    [Fact]
    public async Task Out_of_order_versions_keep_the_newest()
    {
        var client = await api.CreateAdminClientAsync();
        var t = Sample.Now;
        var delivered = Sample.Order("ooo-shop", "o-1", OrderStatus.Delivered, t.AddHours(1), quantity: 4);
        var paid = Sample.Order("ooo-shop", "o-1", OrderStatus.Paid, t.AddMinutes(5), quantity: 2);

        await client.PostAsync("/api/v1/orders?wait=true", Sample.Json(delivered), Ct);
        await client.PostAsync("/api/v1/orders?wait=true", Sample.Json(paid), Ct);
        // Both versions in one batch: the newest wins inside the batch too.
        await client.PostAsync("/api/v1/orders/batch?wait=true", Sample.Json(new[] { delivered with { OrderId = "o-2" }, paid with { OrderId = "o-2" } }), Ct);

        Assert.Equal(2, await CountAsync("select count(*) from orders where shop_id = 'ooo-shop' and status = 'delivered' and units = 4"));
        Assert.Equal(2, await CountAsync("select count(*) from order_items where shop_id = 'ooo-shop' and status = 'delivered' and quantity = 4"));
    }

    [Fact]
    public async Task Concurrent_versions_keep_the_newest_of_each_order()
    {
        var client = await api.CreateAdminClientAsync();
        var versions = Enumerable.Range(0, 20).SelectMany(o => Enumerable.Range(1, 4).Select(v =>
            Sample.Order("loops-shop", $"l-{o}", OrderStatus.Paid, Sample.Now.AddMinutes(v), quantity: v))).ToList();
        var shuffled = versions.OrderBy(_ => Random.Shared.Next()).ToList();

        var responses = await Task.WhenAll(shuffled.Chunk(IngestionApiFactory.MaxBatchItems)
            .Select(batch => client.PostAsync("/api/v1/orders/batch?wait=true", Sample.Json(batch), Ct)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        Assert.Equal(20, await CountAsync("select count(*) from orders where shop_id = 'loops-shop' and units = 4"));
        Assert.Equal(20, await CountAsync("select count(*) from order_items where shop_id = 'loops-shop' and quantity = 4"));
        Assert.Equal(20, await CountAsync("select count(*) from order_items where shop_id = 'loops-shop'"));
    }

    [Fact]
    public async Task Status_patches_apply_only_when_newer_and_book_refunds_on_their_own_day()
    {
        var client = await api.CreateAdminClientAsync();
        var t = Sample.Now;
        await client.PostAsync("/api/v1/orders?wait=true", Sample.Json(Sample.Order("patch-shop", "p-1", OrderStatus.Paid, t)), Ct);

        var refund = await client.PatchAsync("/api/v1/orders/p-1/status?wait=true",
            Sample.Json(new { shopId = "patch-shop", status = "refunded", updatedAt = t.AddHours(1) }), Ct);
        await client.PatchAsync("/api/v1/orders/p-1/status?wait=true",
            Sample.Json(new { shopId = "patch-shop", status = "shipped", updatedAt = t.AddMinutes(30) }), Ct);

        Assert.Equal(HttpStatusCode.Accepted, refund.StatusCode);
        Assert.Equal(1, await CountAsync("select count(*) from orders where shop_id = 'patch-shop' and status = 'refunded' and refunded_at = $1", t.AddHours(1).UtcDateTime));
        Assert.Equal(1, await CountAsync("select count(*) from order_items where shop_id = 'patch-shop' and status = 'refunded'"));
    }

    [Fact]
    public async Task A_mixed_batch_keeps_the_good_items_and_names_each_bad_one()
    {
        var client = await api.CreateAdminClientAsync();
        var good = Sample.Order("mixed-shop", "m-1");
        var badTotal = Sample.Order("mixed-shop", "m-2") with { Total = 99m };
        var badLine = Sample.Order("mixed-shop", "m-3") with { Items = [good.Items[0] with { LineTotal = 1m }], Subtotal = 1m, Total = 4.5m };

        var response = await client.PostAsync("/api/v1/orders/batch?wait=true", Sample.Json(new[] { good, badTotal, badLine }), Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(1, body.GetProperty("accepted").GetInt32());
        Assert.Equal(2, body.GetProperty("rejected").GetInt32());
        Assert.True(body.GetProperty("indexed").GetBoolean());
        var errors = body.GetProperty("errors");
        Assert.Equal(1, errors[0].GetProperty("index").GetInt32());
        Assert.Equal("total", errors[0].GetProperty("problems")[0].GetProperty("field").GetString());
        Assert.Equal("must equal subtotal - discount + tax + shipping (8.50 - 0.00 + 1.00 + 2.50 = 12.00), got 99.00",
            errors[0].GetProperty("problems")[0].GetProperty("message").GetString());
        Assert.Equal(2, errors[1].GetProperty("index").GetInt32());
        Assert.Equal("items[0].lineTotal", errors[1].GetProperty("problems")[0].GetProperty("field").GetString());
        Assert.Equal(1, await CountAsync("select count(*) from orders where shop_id = 'mixed-shop'"));
    }

    [Fact]
    public async Task Ndjson_and_json_array_are_both_accepted_and_bad_lines_rejected_alone()
    {
        var client = await api.CreateAdminClientAsync();
        var array = new[] { Sample.Event("nd-shop"), Sample.Event("nd-shop") };
        var lines = Sample.NdJson(new[] { Sample.Event("nd-shop"), Sample.Event("nd-shop") });
        var withBadLine = new StringContent(
            System.Text.Json.JsonSerializer.Serialize(Sample.Event("nd-shop"), Core.Wire.WireJson.Options) + "\n{oops\n\n", System.Text.Encoding.UTF8, "application/x-ndjson");

        var fromArray = await (await client.PostAsync("/api/v1/events/batch?wait=true", Sample.Json(array), Ct)).ReadJsonAsync();
        var fromLines = await (await client.PostAsync("/api/v1/events/batch?wait=true", lines, Ct)).ReadJsonAsync();
        var mixed = await (await client.PostAsync("/api/v1/events/batch?wait=true", withBadLine, Ct)).ReadJsonAsync();

        Assert.Equal(2, fromArray.GetProperty("accepted").GetInt32());
        Assert.Equal(2, fromLines.GetProperty("accepted").GetInt32());
        Assert.Equal(1, mixed.GetProperty("accepted").GetInt32());
        Assert.Equal(1, mixed.GetProperty("errors")[0].GetProperty("index").GetInt32());
        Assert.Equal(5, await CountAsync("select count(*) from events where shop_id = 'nd-shop'"));
    }

    [Fact]
    public async Task Batches_over_the_item_or_byte_limit_are_413_naming_the_limit()
    {
        var client = await api.CreateAdminClientAsync();
        var tooMany = Enumerable.Range(0, IngestionApiFactory.MaxBatchItems + 1).Select(_ => Sample.Event("limit-shop")).ToArray();
        var tooBig = new StringContent("[" + new string(' ', IngestionApiFactory.MaxBatchBytes) + "]", System.Text.Encoding.UTF8, "application/json");

        var items = await (await client.PostAsync("/api/v1/events/batch", Sample.Json(tooMany), Ct)).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        var bytes = await (await client.PostAsync("/api/v1/events/batch", tooBig, Ct)).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal("The batch has 6 items; the limit is 5 (Ingestion:MaxBatchItems).", items.GetProperty("detail").GetString());
        Assert.Contains("the limit is 8192 bytes (Ingestion:MaxBatchBytes)", bytes.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("select count(*) from events where shop_id = 'limit-shop'"));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_400_and_a_wrong_media_type_415()
    {
        var client = await api.CreateAdminClientAsync();

        var notJson = await client.PostAsync("/api/v1/events/batch", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"), Ct);
        var wrongType = await client.PostAsync("/api/v1/events/batch", new StringContent("a,b", System.Text.Encoding.UTF8, "text/csv"), Ct);

        var problem = await notJson.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith("The body is not valid JSON.", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await wrongType.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task An_invalid_single_event_is_400_naming_the_field_and_listing_known_types()
    {
        var client = await api.CreateAdminClientAsync();

        var response = await client.PostAsync("/api/v1/events", Sample.Json(new { shopId = "v-shop", eventId = Guid.NewGuid(), occurredAt = Sample.Now, type = "teleport" }), Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var messages = problem.GetProperty("errors").GetProperty("type");
        Assert.Equal("must be one of page_view, product_view, search, add_to_cart, remove_from_cart, wishlist_add, checkout_start, checkout_complete, purchase, login, registration, review, payment_started, payment_completed, payment_failed, inventory_updated, supplier_updated, purchase_created, purchase_received; got 'teleport'",
            messages[0].GetString());
    }

    [Fact]
    public async Task Compatibility_aliases_land_in_the_same_tables()
    {
        var client = await api.CreateAdminClientAsync();
        var collected = new
        {
            category = "product", event_type = "add_to_cart", user_id = "u-9", session_id = "s-9", shop_id = "compat-shop",
            timestamp = Sample.Now, data = new { product_id = "p-9", price = 3.20m, quantity = 2, colour = "green" },
        };

        var responses = new[]
        {
            await client.PostAsync("/api/v1/analytics/events/track?wait=true", Sample.Json(Sample.Event("compat-shop")), Ct),
            await client.PostAsync("/api/v1/analytics/user-activity/index?wait=true", Sample.Json(new[] { Sample.Event("compat-shop") }), Ct),
            await client.PostAsync("/api/v1/analytics/orders/index?wait=true", Sample.Json(Sample.Order("compat-shop", "c-1")), Ct),
            await client.PostAsync("/api/v1/core/collect/?wait=true", Sample.Json(collected), Ct),
            await client.PostAsync("/api/v1/core/collect/?wait=true", Sample.Json(collected), Ct),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        Assert.Equal(3, await CountAsync("select count(*) from events where shop_id = 'compat-shop'"));
        Assert.Equal(1, await CountAsync("select count(*) from orders where shop_id = 'compat-shop'"));
        Assert.Equal(1, await CountAsync(
            "select count(*) from events where shop_id = 'compat-shop' and type = 'add_to_cart' and user_id = 'u-9' and value = 3.20 and quantity = 2 and properties->>'colour' = 'green'"));
    }

    [Fact]
    public async Task Wait_true_returns_after_the_items_are_in_the_store()
    {
        var client = await api.CreateAdminClientAsync();
        var orders = Enumerable.Range(0, 5).Select(i => Sample.Order("wait-shop", $"w-{i}")).ToArray();

        var response = await client.PostAsync("/api/v1/orders/batch?wait=true", Sample.Json(orders), Ct);

        Assert.True((await response.ReadJsonAsync()).GetProperty("indexed").GetBoolean());
        Assert.Equal(5, await CountAsync("select count(*) from orders where shop_id = 'wait-shop'"));
    }

    [Fact]
    public async Task A_status_change_for_a_missing_order_is_dead_lettered_and_replayed_after_the_order_arrives()
    {
        var client = await api.CreateAdminClientAsync();
        var t = Sample.Now;

        await client.PatchAsync("/api/v1/orders/late-1/status?wait=true", Sample.Json(new { shopId = "dead-shop", status = "cancelled", updatedAt = t.AddHours(1) }), Ct);
        var letters = await (await client.GetAsync("/api/v1/admin/ingestion/dead-letters?shopId=dead-shop", Ct)).ReadJsonAsync();
        await client.PostAsync("/api/v1/orders?wait=true", Sample.Json(Sample.Order("dead-shop", "late-1", OrderStatus.Paid, t)), Ct);
        var replay = await (await client.PostAsync("/api/v1/admin/ingestion/dead-letters/replay", JsonContent.Create(new { shopId = "dead-shop" }), Ct)).ReadJsonAsync();
        var flush = await (await client.PostAsync("/api/v1/admin/ingestion/flush", null, Ct)).ReadJsonAsync();

        Assert.Equal(1, letters.GetArrayLength());
        Assert.Equal("gave up after 1 attempts: order not stored yet: its status change waits for it", letters[0].GetProperty("reason").GetString());
        Assert.Equal(1, replay.GetProperty("replayed").GetInt32());
        Assert.Equal(0, flush.GetProperty("pending").GetInt64());
        Assert.Equal(1, await CountAsync("select count(*) from orders where shop_id = 'dead-shop' and status = 'cancelled'"));
    }
}
