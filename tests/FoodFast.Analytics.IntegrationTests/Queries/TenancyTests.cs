using System.Net;
using System.Net.Http.Json;
using FoodFast.Analytics.Api.Security;
using FoodFast.Analytics.IntegrationTests.Contract;
using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.Queries;

/// <summary>One shop never sees or writes another's data, whatever it asks for.</summary>
public sealed class TenancyTests(QueryApiFactory api) : IClassFixture<QueryApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Window = "from=2026-10-23T22:00:00Z&to=2026-10-26T23:00:00Z&tz=Europe/Berlin";

    [Fact]
    public async Task An_ingest_key_writes_only_its_own_shop()
    {
        await api.LoadedClientAsync();
        var client = await api.CreateClientAsync(Role.Ingest, "tenant-a");

        var response = await client.PostAsync("/api/v1/orders/batch?wait=true", Sample.Json(new[] { Sample.Order("tenant-a", "t-1"), Sample.Order("tenant-b", "t-2") }), Ct);

        var body = await response.ReadJsonAsync();
        Assert.Equal(1, body.GetProperty("accepted").GetInt32());
        var problem = body.GetProperty("errors")[0].GetProperty("problems")[0];
        Assert.Equal("shopId", problem.GetProperty("field").GetString());
        Assert.Equal("'tenant-b' is outside this credential's shop 'tenant-a'", problem.GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_analyst_reads_only_their_shop_and_naming_another_is_403()
    {
        await api.LoadedClientAsync();
        var client = await api.CreateClientAsync(Role.Analyst, "shop-a");

        var own = await (await client.GetAsync($"/api/v1/analytics/sales/geographic?{Window}", Ct)).ReadJsonAsync();
        var other = await client.GetAsync($"/api/v1/analytics/dashboard?shopId=shop-b&{Window}", Ct);
        var otherQuery = await client.PostAsJsonAsync("/api/v1/analytics/query",
            new { dataset = "orders", metrics = new[] { "revenue" }, from = ContractData.From, to = ContractData.To, shopId = "shop-b" }, Ct);
        var otherSearch = await client.GetAsync("/api/v1/analytics/search?query=apfel&shopId=shop-b", Ct);
        var ownSearch = await (await client.GetAsync("/api/v1/analytics/search?query=apfel", Ct)).ReadJsonAsync();

        Assert.DoesNotContain("Hamburg", own.GetProperty("rows").GetRawText(), StringComparison.Ordinal);
        Assert.Contains("Berlin", own.GetProperty("rows").GetRawText(), StringComparison.Ordinal);
        await other.AssertProblemAsync(HttpStatusCode.Forbidden);
        await otherQuery.AssertProblemAsync(HttpStatusCode.Forbidden);
        await otherSearch.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(0, ownSearch.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task An_ingest_key_cannot_read_and_an_analyst_cannot_write()
    {
        var ingest = await api.CreateClientAsync(Role.Ingest, "shop-a");
        var analyst = await api.CreateClientAsync(Role.Analyst, "shop-a");

        var read = await ingest.GetAsync($"/api/v1/analytics/dashboard?{Window}", Ct);
        var write = await analyst.PostAsync("/api/v1/events", Sample.Json(Sample.Event("shop-a")), Ct);
        var admin = await analyst.GetAsync("/api/v1/admin/ingestion", Ct);

        await read.AssertProblemAsync(HttpStatusCode.Forbidden);
        await write.AssertProblemAsync(HttpStatusCode.Forbidden);
        await admin.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_malformed_shop_id_or_search_text_is_a_400_naming_it()
    {
        var client = await api.CreateAdminClientAsync();

        var shop = await client.GetAsync($"/api/v1/analytics/sales/orders?shopId=bad%00shop&{Window}", Ct);
        var search = await client.GetAsync("/api/v1/analytics/search?query=ab%00c", Ct);

        Assert.StartsWith("shopId: must not contain NUL", (await shop.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await search.AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
