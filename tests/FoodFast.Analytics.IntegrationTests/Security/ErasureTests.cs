using System.Net;
using FoodFast.Analytics.Core.Orders;
using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.Security;

public sealed class ErasureTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<long> CountAsync(string sql) => StoreQueries.ScalarAsync<long>(api.Database.ConnectionString, sql);

    [Fact]
    public async Task Erasure_deletes_events_and_pseudonymises_orders_keeping_totals_and_customer_counts()
    {
        var client = await api.CreateAdminClientAsync();
        var located = Sample.Order("erase-shop", "e-1") with { CustomerId = "c-erase", Location = new GeoPoint(52.52, 13.40) };
        var orders = new[] { located, Sample.Order("erase-shop", "e-2") with { CustomerId = "c-erase" }, Sample.Order("erase-shop", "e-3") };
        var events = new[] { Sample.Event("erase-shop") with { UserId = "c-erase" }, Sample.Event("erase-shop") with { UserId = "c-erase" }, Sample.Event("erase-shop") };
        await client.PostAsync("/api/v1/orders/batch?wait=true", Sample.Json(orders), Ct);
        await client.PostAsync("/api/v1/events/batch?wait=true", Sample.Json(events), Ct);
        var kpis = $"/api/v1/analytics/sales/geographic?shopId=erase-shop&days=2";
        var before = (await (await client.GetAsync(kpis, Ct)).ReadJsonAsync()).GetProperty("rows").GetRawText();
        const string allShops = "/api/v1/analytics/sales/geographic?days=2";
        await client.GetAsync(allShops, Ct);
        Assert.Equal("hit", (await client.GetAsync(allShops, Ct)).Headers.GetValues("X-Cache").Single());

        var response = await client.DeleteAsync("/api/v1/admin/customers/c-erase?shopId=erase-shop", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.ReadJsonAsync();
        Assert.Equal((2L, 2L, 2L), (result.GetProperty("eventsDeleted").GetInt64(), result.GetProperty("ordersPseudonymised").GetInt64(), result.GetProperty("linesPseudonymised").GetInt64()));
        var pseudonym = result.GetProperty("pseudonym").GetString()!;
        Assert.StartsWith("erased-", pseudonym, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("select count(*) from events where user_id = 'c-erase'"));
        Assert.Equal(1, await CountAsync("select count(*) from events where shop_id = 'erase-shop'"));
        Assert.Equal(0, await CountAsync("select count(*) from orders where customer_id = 'c-erase' or lat is not null"));
        Assert.Equal(2, await CountAsync($"select count(*) from order_items where customer_id = '{pseudonym}'"));
        // Cached results were purged, and the recomputed totals and customer counts are unchanged.
        var after = await client.GetAsync(kpis, Ct);
        Assert.Equal("miss", after.Headers.GetValues("X-Cache").Single());
        Assert.Equal(before, (await after.ReadJsonAsync()).GetProperty("rows").GetRawText());
        Assert.Equal("miss", (await client.GetAsync(allShops, Ct)).Headers.GetValues("X-Cache").Single()); // over all shops, so over this one too
        var search = await (await client.GetAsync("/api/v1/analytics/search?query=c-erase&shopId=erase-shop", Ct)).ReadJsonAsync();
        Assert.Equal(0, search.GetProperty("total").GetInt64());
        var audit = await (await client.GetAsync("/api/v1/admin/audit?action=customer.erase", Ct)).ReadJsonAsync();
        Assert.Contains("erase-shop", audit.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erasure_needs_a_shop_and_an_admin()
    {
        var admin = await api.CreateAdminClientAsync();
        var analyst = await api.CreateClientAsync(Api.Security.Role.Analyst, "erase-shop");

        var noShop = await admin.DeleteAsync("/api/v1/admin/customers/c-1", Ct);
        var notAdmin = await analyst.DeleteAsync("/api/v1/admin/customers/c-1?shopId=erase-shop", Ct);

        Assert.Equal("is required: erasure is per shop", (await noShop.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("shopId")[0].GetString());
        await notAdmin.AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
