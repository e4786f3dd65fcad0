using System.Globalization;
using System.Net;
using System.Text.Json;
using FoodFast.Analytics.IntegrationTests.Infrastructure;
using FoodFast.Analytics.UnitTests.Elasticsearch.Support;

namespace FoodFast.Analytics.IntegrationTests.Elasticsearch;

/// <summary>
/// The API over HTTP with <c>Storage:Backend=Elasticsearch</c>, pointed at a listener that plays documented cluster
/// answers: bootstrap (templates absent, every PUT acknowledged), then the calls under test. This checks the wiring from
/// endpoint to backend and the HTTP answers, not Elasticsearch (the live suites do that with <c>ELASTICSEARCH_URL</c>).
/// </summary>
public sealed class ScriptedClusterApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string A1 = """{"shop_id":"shop-a","order_id":"a-1","customer_id":"c1","status":"delivered","created_at":"2026-10-24T21:30:00Z","updated_at":"2026-10-26T08:00:00Z","currency":"EUR","channel":"web","payment_method":"card","country":"DE","city":"Berlin","subtotal":9.0,"discount":0,"tax":0.63,"shipping":2.0,"total":11.63,"units":2,"line_count":1}""";

    [Fact]
    public async Task Streamed_orders_come_from_a_point_in_time_that_is_closed_afterwards()
    {
        using var node = new ScriptedNode(request => Cluster(request) ?? (request.Method, request.PathAndQuery) switch
        {
            ("POST", "/ff-orders/_pit?keep_alive=5m") => new ScriptedResponse(200, """{"id":"pit-1","_shards":{"total":1,"successful":1,"skipped":0,"failed":0}}"""),
            ("POST", "/_search") => new ScriptedResponse(200, $$$"""{"pit_id":"pit-2","took":1,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"hits":[{"_index":"ff-orders-2026.10","_id":"shop-a:a-1","_score":null,"_source":{{{A1}}},"sort":[1792877400000,"shop-a","a-1",1]}]}}"""),
            ("DELETE", "/_pit") => new ScriptedResponse(200, """{"succeeded":true,"num_freed":1}"""),
            _ => Unscripted,
        });
        await using var api = new ElasticsearchAt(node.Url);
        await api.InitializeAsync();
        var client = await api.CreateClientAsync(Api.Security.Role.Analyst, "shop-a");

        using var response = await client.GetAsync("/api/v1/export/orders?stream=true&format=ndjson&from=2026-10-23T22:00:00Z&to=2026-10-26T23:00:00Z", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = JsonDocument.Parse((await response.Content.ReadAsStringAsync(Ct)).Trim()).RootElement;
        Assert.Equal(("a-1", "c1", 11.63m, "9.00"), (row.GetProperty("order_id").GetString(), row.GetProperty("customer_id").GetString(),
            row.GetProperty("total").GetDecimal(), row.GetProperty("subtotal").GetRawText()));
        var search = Assert.Single(node.Requests, r => r.PathAndQuery == "/_search");
        Assert.Contains("""{"term":{"shop_id":{"value":"shop-a"}}}""", search.BodyText, StringComparison.Ordinal);
        Assert.Equal("""{"id":"pit-2"}""", Assert.Single(node.Requests, r => r.Method == "DELETE").BodyText);
    }

    [Fact]
    public async Task Inventory_reads_each_products_latest_stock_event()
    {
        const string levels = """{"took":2,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"max_score":null,"hits":[]},"aggregations":{"composite#products":{"after_key":{"shop":"shop-a","product":"y"},"buckets":[{"key":{"shop":"shop-a","product":"x"},"doc_count":2,"top_hits#latest":{"hits":{"total":{"value":2,"relation":"eq"},"max_score":null,"hits":[{"_index":".ds-ff-events-2026.11.01-000001","_id":"e-x2","_score":null,"_source":{"shop_id":"shop-a","product_id":"x","product_name":"Product x","stock_level":3,"@timestamp":"2026-11-21T08:00:00Z"}}]}}},{"key":{"shop":"shop-a","product":"y"},"doc_count":1,"top_hits#latest":{"hits":{"total":{"value":1,"relation":"eq"},"max_score":null,"hits":[{"_index":".ds-ff-events-2026.11.01-000001","_id":"e-y1","_score":null,"_source":{"shop_id":"shop-a","product_id":"y","stock_level":40,"@timestamp":"2026-11-21T09:00:00Z"}}]}}}]}}}""";
        const string none = """{"took":1,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"max_score":null,"hits":[]},"aggregations":{"composite#products":{"buckets":[]}}}""";
        using var node = new ScriptedNode(request => Cluster(request)
            ?? (request.PathAndQuery.StartsWith("/ff-events/_search", StringComparison.Ordinal)
                ? new ScriptedResponse(200, request.BodyText.Contains("\"after\"", StringComparison.Ordinal) ? none : levels)
                : Unscripted));
        await using var api = new ElasticsearchAt(node.Url);
        await api.InitializeAsync();
        var client = await api.CreateClientAsync(Api.Security.Role.Analyst, "shop-a");

        var body = await (await client.GetAsync("/api/v1/analytics/products/inventory?threshold=10", Ct)).ReadJsonAsync();

        Assert.Equal(["x:3:Product x", "y:40:"], body.GetProperty("products").EnumerateArray()
            .Select(p => $"{p.GetProperty("productId")}:{p.GetProperty("level")}:{(p.TryGetProperty("productName", out var n) ? n.GetString() : "")}"));
        Assert.Equal(["x"], body.GetProperty("lowStock").EnumerateArray().Select(p => p.GetProperty("productId").GetString()));
    }

    [Fact]
    public async Task An_erasure_the_cluster_cannot_finish_answers_503_naming_the_step()
    {
        const string timedOut = """{"took":300000,"timed_out":true,"total":9,"deleted":4,"batches":1,"version_conflicts":0,"noops":0,"retries":{"bulk":0,"search":0},"throttled_millis":0,"requests_per_second":-1.0,"throttled_until_millis":0,"failures":[]}""";
        using var node = new ScriptedNode(request => Cluster(request)
            ?? (request.PathAndQuery.StartsWith("/ff-events/_delete_by_query?", StringComparison.Ordinal) ? new ScriptedResponse(200, timedOut) : Unscripted));
        await using var api = new ElasticsearchAt(node.Url);
        await api.InitializeAsync();
        var admin = await api.CreateAdminClientAsync();

        var problem = await (await admin.DeleteAsync("/api/v1/admin/customers/c-x?shopId=shop-a", Ct)).AssertProblemAsync(HttpStatusCode.ServiceUnavailable);

        Assert.Equal("Erasure incomplete", problem.GetProperty("title").GetString());
        Assert.Equal("The erasure stopped at 'erase_events': timed out before every match was processed. Run it again; it only touches what still carries the customer's identity.",
            problem.GetProperty("detail").GetString());
        var erase = Assert.Single(node.Requests, r => r.PathAndQuery.Contains("_delete_by_query", StringComparison.Ordinal));
        Assert.Equal("""{"query":{"bool":{"filter":[{"term":{"shop_id":{"value":"shop-a"}}},{"term":{"user_id":{"value":"c-x"}}}]}}}""", erase.BodyText);
    }

    [Fact]
    public async Task Retention_deletes_whole_order_months_older_than_OrdersDays_and_leaves_events_to_the_policy()
    {
        var month = new DateTimeOffset(DateTimeOffset.UtcNow.Year, DateTimeOffset.UtcNow.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var (old, current) = (month.AddMonths(-6).ToString("yyyy.MM", CultureInfo.InvariantCulture), month.ToString("yyyy.MM", CultureInfo.InvariantCulture));
        var newest = month.AddMonths(-5).AddDays(-2).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        using var node = new ScriptedNode(request => (request.Method, request.PathAndQuery) switch
        {
            // The client percent-encodes the index list in the path; Elasticsearch decodes it.
            ("GET", "/ff-orders-%2A%2Cff-order-lines-%2A/_alias") => new(200, """{"ff-orders-OLD":{"aliases":{}},"ff-order-lines-OLD":{"aliases":{}},"ff-orders-NOW":{"aliases":{}}}""".Replace("OLD", old, StringComparison.Ordinal).Replace("NOW", current, StringComparison.Ordinal)),
            ("POST", var path) when path == $"/ff-orders-{old}/_search?typed_keys=true" => new(200, """{"took":2,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"total":{"value":5,"relation":"eq"},"max_score":null,"hits":[]},"aggregations":{"max#newest":{"value":NEWEST},"sterms#shops":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"shop-a","doc_count":5}]}}}""".Replace("NEWEST", newest, StringComparison.Ordinal)),
            ("DELETE", var path) when path == $"/ff-orders-{old}%2Cff-order-lines-{old}" => new(200, """{"acknowledged":true}"""),
            _ => Cluster(request) ?? Unscripted,
        });
        await using var api = new ElasticsearchAt(node.Url, ordersDays: 60);
        await api.InitializeAsync();
        var admin = await api.CreateAdminClientAsync();

        var run = await (await admin.PostAsync("/api/v1/admin/retention/run", null, Ct)).ReadJsonAsync();
        var status = await (await admin.GetAsync("/api/v1/admin/retention", Ct)).ReadJsonAsync();

        var datasets = run.GetProperty("datasets").EnumerateArray().ToDictionary(d => d.GetProperty("dataset").GetString()!);
        Assert.Equal(("succeeded", 5), (datasets["orders"].GetProperty("outcome").GetString(), datasets["orders"].GetProperty("rowsDeleted").GetInt64()));
        Assert.Equal(("lifecycle_policy", 0), (datasets["events"].GetProperty("outcome").GetString(), datasets["events"].GetProperty("rowsDeleted").GetInt64()));
        Assert.Single(node.Requests, r => r.Method == "DELETE");
        Assert.Equal(["events:lifecycle_policy:30", "orders:retention_job:60"], status.GetProperty("datasets").EnumerateArray()
            .Where(d => d.GetProperty("dataset").GetString() is "events" or "orders")
            .Select(d => $"{d.GetProperty("dataset")}:{d.GetProperty("enforcedBy")}:{d.GetProperty("days")}"));
        Assert.Equal(5, status.GetProperty("datasets")[1].GetProperty("lastRun").GetProperty("rowsDeleted").GetInt64());
    }

    private static readonly ScriptedResponse Unscripted = new(400, """{"error":{"type":"illegal_argument_exception","reason":"not scripted"},"status":400}""");

    /// <summary>What start-up and health ask: the version, green health, templates and policy absent, every PUT acknowledged.</summary>
    private static ScriptedResponse? Cluster(RecordedRequest request) => (request.Method, request.PathAndQuery) switch
    {
        ("GET", "/") => new(200, ClusterAnswers.Info()),
        // Security off, as in the compose stack's default: the API answers 500 and start-up skips the privilege check.
        ("POST", "/_security/user/_has_privileges") => new(500, """{"error":{"root_cause":[{"type":"illegal_state_exception","reason":"Security is not enabled but a security rest handler is registered"}],"type":"illegal_state_exception","reason":"Security is not enabled but a security rest handler is registered"},"status":500}"""),
        ("GET", "/_cluster/health") => new(200, ClusterAnswers.Health("green")),
        ("POST", var path) when path.Contains("/_refresh", StringComparison.Ordinal) => new(200, """{"_shards":{"total":6,"successful":3,"failed":0}}"""),
        ("GET", _) => new(404, """{"error":{"type":"resource_not_found_exception","reason":"not found"},"status":404}"""),
        ("PUT", _) => new(200, """{"acknowledged":true}"""),
        _ => null,
    };

    private sealed class ElasticsearchAt(string url, int ordersDays = 0) : ApiFactory
    {
        protected override void Configure(IDictionary<string, string?> settings)
        {
            settings["Storage:Backend"] = "Elasticsearch";
            settings["Storage:Elasticsearch:Urls"] = url;
            settings["Storage:Elasticsearch:MaxRetries"] = "0";
            settings["Retention:EventsDays"] = "30";
            settings["Retention:OrdersDays"] = ordersDays.ToString(CultureInfo.InvariantCulture);
            settings["Retention:Cron"] = "0 0 0 1 1 ? 2099";
        }
    }
}
