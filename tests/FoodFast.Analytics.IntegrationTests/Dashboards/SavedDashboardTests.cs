using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FoodFast.Analytics.Api.Security;
using FoodFast.Analytics.IntegrationTests.Contract;
using FoodFast.Analytics.IntegrationTests.Infrastructure;
using FoodFast.Analytics.IntegrationTests.Queries;

namespace FoodFast.Analytics.IntegrationTests.Dashboards;

/// <summary>Saved dashboards over HTTP on the contract data: lifecycle with ETags, validation, tenancy and privacy, and the data of every widget.</summary>
public sealed class SavedDashboardTests(QueryApiFactory api) : IClassFixture<QueryApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string OrderMetrics => string.Join(", ", Core.Queries.Catalogue.MetricCatalogue.For("orders").Keys);

    private static object DailyEur(string metric = "revenue") => new
    {
        dataset = "orders", metrics = new[] { metric, "order_count" }, from = ContractData.From, to = ContractData.To,
        timeZone = "Europe/Berlin", bucket = "day", filters = new[] { new { dimension = "currency", values = new[] { "EUR" } } },
    };

    private static object Dashboard(string name, bool isPublic, params object[] queries) => new
    {
        name, @public = isPublic,
        widgets = queries.Select((q, i) => new { title = $"Widget {i}", chartType = i == 0 ? "line" : "table", query = q }).ToArray(),
    };

    private static async Task<JsonElement> CreateAsync(HttpClient client, object dashboard)
    {
        var response = await client.PostAsJsonAsync("/api/v1/dashboards", dashboard, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private static string[] Rows(JsonElement result) =>
        [.. result.GetProperty("rows").EnumerateArray().Select(r => string.Join('|', r.EnumerateArray().Select(c => c.ToString())))];

    [Fact]
    public async Task A_dashboard_is_created_read_replaced_and_deleted_with_its_version_as_etag()
    {
        await api.LoadedClientAsync();
        var owner = await api.CreateClientAsync(Role.Analyst, "shop-a");

        var created = await owner.PostAsJsonAsync("/api/v1/dashboards", Dashboard("Sales", false, DailyEur()), Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("\"1\"", created.Headers.ETag?.Tag);
        var body = await created.ReadJsonAsync();
        var id = body.GetProperty("id").GetString();
        Assert.Equal($"/api/v1/dashboards/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal(("shop-a", "Sales", false, 1), (body.GetProperty("shopId").GetString(), body.GetProperty("name").GetString(), body.GetProperty("public").GetBoolean(), body.GetProperty("version").GetInt32()));
        Assert.StartsWith("key:", body.GetProperty("owner").GetString(), StringComparison.Ordinal);
        var widget = body.GetProperty("widgets")[0];
        Assert.Equal(("Widget 0", "line", "revenue,order_count"), (widget.GetProperty("title").GetString(), widget.GetProperty("chartType").GetString(),
            string.Join(',', widget.GetProperty("query").GetProperty("metrics").EnumerateArray().Select(m => m.GetString()))));
        var read = await owner.GetAsync($"/api/v1/dashboards/{id}", Ct);
        Assert.Equal(body.GetRawText(), (await read.ReadJsonAsync()).GetRawText());

        using var replace = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/dashboards/{id}") { Content = JsonContent.Create(Dashboard("Sales v2", true, DailyEur(), DailyEur("aov"))) };
        replace.Headers.IfMatch.ParseAdd("\"1\"");
        var replaced = await owner.SendAsync(replace, Ct);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var v2 = await replaced.ReadJsonAsync();
        Assert.Equal(("Sales v2", true, 2, 2), (v2.GetProperty("name").GetString(), v2.GetProperty("public").GetBoolean(), v2.GetProperty("version").GetInt32(), v2.GetProperty("widgets").GetArrayLength()));
        Assert.Equal(body.GetProperty("createdAt").GetString(), v2.GetProperty("createdAt").GetString());

        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/dashboards/{id}") { Content = JsonContent.Create(Dashboard("Lost update", true, DailyEur())) };
        stale.Headers.IfMatch.ParseAdd("\"1\"");
        await (await owner.SendAsync(stale, Ct)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/dashboards/{id}");
        delete.Headers.IfMatch.ParseAdd("\"2\"");
        Assert.Equal(HttpStatusCode.NoContent, (await owner.SendAsync(delete, Ct)).StatusCode);
        await (await owner.GetAsync($"/api/v1/dashboards/{id}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Every_widget_query_is_validated_on_save_with_paths_naming_the_widget()
    {
        var client = await api.CreateClientAsync(Role.Analyst, "shop-a");
        var bad = new
        {
            name = "",
            widgets = new object[]
            {
                new { title = "ok", chartType = "bar", query = DailyEur() },
                new { title = "ok", chartType = "donut", query = DailyEur() },
                new { title = "ok", chartType = "kpi", query = DailyEur("profit_margin_of_moon") },
            },
        };

        var problem = await (await client.PostAsJsonAsync("/api/v1/dashboards", bad, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.Equal(["name", "widgets[1].chartType", "widgets[2].query.metrics[0]"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal("'donut' is not a chart type; valid: line, bar, stacked_bar, area, pie, table, kpi", errors.GetProperty("widgets[1].chartType")[0].GetString());
        Assert.Equal($"'profit_margin_of_moon' is not a metric of orders; valid: {OrderMetrics}", errors.GetProperty("widgets[2].query.metrics[0]")[0].GetString());
        var tooMany = Dashboard("Big", false, [.. Enumerable.Repeat(DailyEur(), 25)]);
        var bounded = await (await client.PostAsJsonAsync("/api/v1/dashboards", tooMany, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("holds 25 widgets; at most 24 are allowed", bounded.GetProperty("errors").GetProperty("widgets")[0].GetString());
    }

    [Fact]
    public async Task Private_dashboards_are_the_owners_public_ones_the_shops_and_another_shop_sees_none()
    {
        var owner = await api.CreateClientAsync(Role.Analyst, "shop-t");
        var colleague = await api.CreateClientAsync(Role.Analyst, "shop-t");
        var stranger = await api.CreateClientAsync(Role.Analyst, "shop-u");
        var admin = await api.CreateAdminClientAsync();
        var mine = (await CreateAsync(owner, Dashboard("Mine", false, DailyEur()))).GetProperty("id").GetString();
        var shared = (await CreateAsync(owner, Dashboard("Shared", true, DailyEur()))).GetProperty("id").GetString();

        static async Task<string[]> Names(HttpClient client, string query = "") =>
            [.. (await (await client.GetAsync($"/api/v1/dashboards{query}", Ct)).ReadJsonAsync()).EnumerateArray().Select(d => d.GetProperty("name").GetString()!).Order()];

        Assert.Equal(["Mine", "Shared"], await Names(owner));
        Assert.Equal(["Shared"], await Names(colleague));
        Assert.Empty(await Names(stranger));
        Assert.Equal(["Mine", "Shared"], await Names(admin, "?shopId=shop-t"));
        await (await colleague.GetAsync($"/api/v1/dashboards/{mine}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await colleague.PutAsJsonAsync($"/api/v1/dashboards/{shared}", Dashboard("Taken", true, DailyEur()), Ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await stranger.GetAsync($"/api/v1/dashboards/{shared}/data", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.DeleteAsync($"/api/v1/dashboards/{shared}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PostAsJsonAsync("/api/v1/dashboards", new { name = "x", widgets = Array.Empty<object>(), shopId = "shop-t" }, Ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        var noShop = await (await admin.PostAsJsonAsync("/api/v1/dashboards", Dashboard("All", false, DailyEur()), Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(noShop.GetProperty("errors").TryGetProperty("shopId", out _));
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/dashboards/{mine}", Dashboard("Mine, tidied", false, DailyEur()), Ct)).StatusCode);
        Assert.Equal(["Mine, tidied", "Shared"], await Names(owner));
    }

    [Fact]
    public async Task Dashboard_data_answers_every_widget_in_order_through_the_cache_and_a_broken_widget_alone_fails()
    {
        await api.LoadedClientAsync();
        var client = await api.CreateClientAsync(Role.Analyst, "shop-a");
        var gbp = new
        {
            dataset = "orders", metrics = new[] { "order_count" }, from = ContractData.From, to = ContractData.To, timeZone = "Europe/Berlin",
            groupBy = new[] { "currency" },
        };
        var id = (await CreateAsync(client, Dashboard("Three", true, DailyEur(), gbp, DailyEur()))).GetProperty("id").GetString();
        // A widget saved before its metric left the catalogue: the data endpoint must still answer the others.
        await StoreQueries.ScalarAsync<int>(api.Database.ConnectionString,
            $"update dashboards set widgets = jsonb_set(widgets, '{{2,query,metrics,0}}', '\"retired_metric\"') where id = '{id}' returning 1");

        var first = await (await client.GetAsync($"/api/v1/dashboards/{id}/data", Ct)).ReadJsonAsync();
        var second = await (await client.GetAsync($"/api/v1/dashboards/{id}/data", Ct)).ReadJsonAsync();

        var widgets = first.GetProperty("widgets").EnumerateArray().ToList();
        Assert.Equal([0, 1, 2], widgets.Select(w => w.GetProperty("index").GetInt32()));
        Assert.Equal(["2026-10-24|11.63|1", "2026-10-25|6.96|1", "2026-10-26|6.00|1"], Rows(widgets[0].GetProperty("result")));
        Assert.Equal(["EUR|3", "GBP|1"], Rows(widgets[1].GetProperty("result")));
        var problem = widgets[2].GetProperty("problem");
        Assert.Equal((400, "Invalid query"), (problem.GetProperty("status").GetInt32(), problem.GetProperty("title").GetString()));
        Assert.Equal($"'retired_metric' is not a metric of orders; valid: {OrderMetrics}", problem.GetProperty("errors").GetProperty("widgets[2].query.metrics[0]")[0].GetString());
        Assert.False(widgets[2].TryGetProperty("result", out _));
        Assert.Equal([true, true], second.GetProperty("widgets").EnumerateArray().Take(2).Select(w => w.GetProperty("result").GetProperty("meta").GetProperty("cached").GetBoolean()));
    }
}
