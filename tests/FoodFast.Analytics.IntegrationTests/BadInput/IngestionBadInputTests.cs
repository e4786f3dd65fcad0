using System.Net;
using System.Text;
using System.Text.Json;
using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.BadInput;

/// <summary>
/// Issue 21 (A, E, I, 5, 6): text that is not Unicode, bodies that are not objects, money as text, big orders, and event
/// ids shared by two shops, sent over HTTP to the real ingestion path and checked in Postgres.
/// </summary>
public sealed class IngestionBadInputTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<long> CountAsync(string sql) => StoreQueries.ScalarAsync<long>(api.Database.ConnectionString, sql);

    private static string EventJson(string shop, string userIdJson, Guid? id = null) =>
        $$"""{"eventId":"{{id ?? Guid.NewGuid()}}","shopId":"{{shop}}","category":"product","type":"product_view","userId":{{userIdJson}},"occurredAt":"{{Sample.Now:O}}"}""";

    /// <summary>The first item's userId as raw bytes: lone surrogate escapes, and byte sequences that are not UTF-8.</summary>
    public static TheoryData<string, byte[]> BadTexts => new()
    {
        { "lone high surrogate", "\"u\\ud800\""u8.ToArray() },
        { "lone low surrogate", "\"\\udc00u\""u8.ToArray() },
        { "raw 0xff byte", [0x22, 0x75, 0xff, 0x22] },
        { "truncated sequence", [0x22, 0xc3, 0x28, 0x22] },
        { "encoded surrogate", [0x22, 0xed, 0xa0, 0x80, 0x22] },
    };

    [Theory]
    [MemberData(nameof(BadTexts))]
    public async Task Text_that_is_not_unicode_rejects_the_item_naming_the_field_and_keeps_the_good_ones(string what, byte[] userId)
    {
        var client = await api.CreateAdminClientAsync();
        var shop = $"utf-{Guid.NewGuid():N}"[..20];
        var parts = $"[{EventJson(shop, "USERID")},{EventJson(shop, "\"u-2\"")}]".Split("USERID");
        var content = new ByteArrayContent([.. Encoding.UTF8.GetBytes(parts[0]), .. userId, .. Encoding.UTF8.GetBytes(parts[1])]);
        content.Headers.ContentType = new("application/json");

        var response = await client.PostAsync("/api/v1/events/batch?wait=true", content, Ct);

        var json = await response.ReadJsonAsync();
        Assert.True(HttpStatusCode.Accepted == response.StatusCode, $"{what}: {json}");
        Assert.Equal(1, json.GetProperty("accepted").GetInt32());
        var rejected = Assert.Single(json.GetProperty("errors").EnumerateArray());
        Assert.Equal(0, rejected.GetProperty("index").GetInt32());
        Assert.Equal("userId", rejected.GetProperty("problems")[0].GetProperty("field").GetString());
        Assert.Equal(1, await CountAsync($"select count(*) from events where shop_id = '{shop}'"));
    }

    [Fact]
    public async Task Every_ingestion_endpoint_names_a_lone_surrogate_instead_of_failing()
    {
        var client = await api.CreateAdminClientAsync();
        var eventBody = EventJson("utf-all", "\"u\\udc00\"");
        var orderBody = """{"shopId":"utf-all","orderId":"o\ud800","status":"paid","createdAt":"2026-11-21T10:00:00Z","currency":"EUR","channel":"web","paymentMethod":"card","country":"DE","subtotal":1,"total":1,"items":[{"productId":"p","productName":"n","category":"c","quantity":1,"unitPrice":1,"lineTotal":1}]}""";
        var cases = new (string Path, string Body, string Field)[]
        {
            ("/api/v1/events", eventBody, "userId"), ("/api/v1/events/batch", eventBody, "userId"),
            ("/api/v1/analytics/events/track", eventBody, "userId"), ("/api/v1/analytics/user-activity/index", eventBody, "userId"),
            ("/api/v1/orders", orderBody, "orderId"), ("/api/v1/orders/batch", orderBody, "orderId"), ("/api/v1/analytics/orders/index", orderBody, "orderId"),
            ("/api/v1/core/collect", """{"shop_id":"utf-all","category":"product","event_type":"product_view","user_id":"u\ud800"}""", "user_id"),
            ("/api/v1/core/collect", """{"shop_id":"utf-all","category":"product","event_type":"product_view","data":{"note":"\udc00"}}""", "data.note"),
        };
        foreach (var (path, body, field) in cases)
        {
            var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"), Ct);
            var json = await response.ReadJsonAsync();
            Assert.True((int)response.StatusCode is 400 or 202, $"{path}: {(int)response.StatusCode} {json}");
            var fields = response.StatusCode == HttpStatusCode.BadRequest
                ? json.GetProperty("errors").EnumerateObject().Select(e => e.Name)
                : json.GetProperty("errors")[0].GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("field").GetString()!);
            Assert.Contains(field, fields);
        }
    }

    [Theory]
    [InlineData("null", "null")]
    [InlineData("true", "true")]
    [InlineData("123", "123")]
    [InlineData("\"str\"", "'str'")]
    public async Task A_status_change_that_is_not_an_object_is_a_400_naming_the_body(string body, string received)
    {
        var client = await api.CreateAdminClientAsync();

        var response = await client.PatchAsync("/api/v1/orders/o-1/status", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal($"must be a JSON object {{shopId, status, updatedAt}}, got {received}", problem.GetProperty("errors").GetProperty("$")[0].GetString());
    }

    [Fact]
    public async Task Two_shops_sending_the_same_event_id_both_count()
    {
        var client = await api.CreateAdminClientAsync();
        var id = Guid.NewGuid();

        var first = await client.PostAsync("/api/v1/events?wait=true", Sample.Json(Sample.Event("dup-id-a", id)), Ct);
        var second = await client.PostAsync("/api/v1/events?wait=true", Sample.Json(Sample.Event("dup-id-b", id)), Ct);
        var replay = await client.PostAsync("/api/v1/events?wait=true", Sample.Json(Sample.Event("dup-id-b", id)), Ct);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.True((await second.ReadJsonAsync()).GetProperty("indexed").GetBoolean());
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        Assert.Equal(1, await CountAsync($"select count(*) from events where shop_id = 'dup-id-a' and event_id = '{id}'"));
        Assert.Equal(1, await CountAsync($"select count(*) from events where shop_id = 'dup-id-b' and event_id = '{id}'"));
    }

    [Fact]
    public async Task Money_as_a_decimal_string_is_stored_exactly_and_other_text_is_named()
    {
        var client = await api.CreateAdminClientAsync();
        string Order(string id, string unitPrice, string lineTotal, string subtotal, string total) =>
            $$"""{"shopId":"money-text","orderId":"{{id}}","status":"paid","createdAt":"{{Sample.Now:O}}","currency":"EUR","channel":"web","paymentMethod":"card","country":"DE","subtotal":{{subtotal}},"total":{{total}},"items":[{"productId":"p","productName":"n","category":"c","quantity":3,"unitPrice":{{unitPrice}},"lineTotal":{{lineTotal}}}]}""";

        var good = await client.PostAsync("/api/v1/orders?wait=true",
            new StringContent(Order("m-1", "\"0.10\"", "\"0.30\"", "\"0.30\"", "0.3"), Encoding.UTF8, "application/json"), Ct);
        var bad = await client.PostAsync("/api/v1/orders/batch",
            new StringContent($"[{Order("m-2", "\"12,50\"", "1", "1", "1")},{Order("m-3", "\"1e3\"", "1", "1", "1")},{Order("m-4", "\"NaN\"", "1", "1", "1")}]", Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.Accepted, good.StatusCode);
        Assert.Equal("0.30", (await StoreQueries.ScalarAsync<decimal>(api.Database.ConnectionString, "select total from orders where shop_id = 'money-text'")).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        var errors = (await bad.ReadJsonAsync()).GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(3, errors.Count);
        Assert.All(errors, e => Assert.Equal("items[0].unitPrice", e.GetProperty("problems")[0].GetProperty("field").GetString()));
        Assert.StartsWith("must be an amount as a JSON number or a decimal string", errors[0].GetProperty("problems")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_order_of_a_thousand_lines_is_accepted()
    {
        var client = await api.CreateAdminClientAsync();
        var order = Sample.Order("big-order", "wholesale-1") with
        {
            Items = Enumerable.Range(0, 1000).Select(i => Sample.Order("x", "x").Items[0] with { ProductId = $"p-{i}", Quantity = 1, UnitPrice = 1m, LineTotal = 1m }).ToList(),
            Subtotal = 1000m, Total = 1003.50m,
        };

        var response = await client.PostAsync("/api/v1/orders?wait=true", Sample.Json(order), Ct);

        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(1000, await CountAsync("select count(*) from order_items where shop_id = 'big-order'"));
    }

    [Fact]
    public async Task Every_ingestion_operation_documents_the_limits_and_their_settings()
    {
        var client = await api.CreateAdminClientAsync();
        var document = await (await client.GetAsync("/openapi/v1.json", Ct)).ReadJsonAsync();

        var ingestion = document.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject())
            .Where(op => op.Value.GetProperty("operationId").GetString() is "IngestOrder" or "IngestOrders" or "ChangeOrderStatus" or "IngestEvent"
                or "IngestEvents" or "TrackEvents" or "IndexUserActivity" or "IndexOrders" or "CollectEvent").ToList();

        Assert.Equal(9, ingestion.Count);
        Assert.All(ingestion, op => Assert.Contains("lines per order Ingestion:MaxLinesPerOrder 5,000", op.Value.GetProperty("description").GetString(), StringComparison.Ordinal));
    }
}
