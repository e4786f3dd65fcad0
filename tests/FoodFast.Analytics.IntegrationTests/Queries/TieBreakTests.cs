using System.Net.Http.Json;
using System.Text.Json;
using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.Queries;

/// <summary>Issue 21 (7): products with equal revenue come back in one order, by product id, from every endpoint and every run.</summary>
public sealed class TieBreakTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static List<string> Products(JsonElement result)
    {
        var column = result.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList().IndexOf("product");
        return [.. result.GetProperty("rows").EnumerateArray().Select(r => r[column].GetString()!)];
    }

    [Fact]
    public async Task Equal_revenue_is_ordered_by_product_id_everywhere()
    {
        using var client = await api.CreateAdminClientAsync();
        var orders = new[] { "p-c", "p-a", "p-d", "p-b" }.Select((product, i) => Sample.Order("tie-shop", $"t-{i}") with
        {
            Items = [Sample.Order("x", "x").Items[0] with { ProductId = product }],
        });
        await client.PostAsync("/api/v1/orders/batch?wait=true", Sample.Json(orders), Ct);
        var from = Sample.Now.AddDays(-1).ToString("O");
        var to = Sample.Now.AddDays(1).ToString("O");

        var query = await (await client.PostAsJsonAsync("/api/v1/analytics/query", new
        {
            dataset = "order_items", metrics = new[] { "revenue" }, groupBy = new[] { "product" }, from, to, shopId = "tie-shop",
            sort = new { by = "revenue" }, limit = 3,
        }, Ct)).ReadJsonAsync();
        var named = await (await client.GetAsync($"/api/v1/analytics/products/top-selling?shopId=tie-shop&from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}&limit=3", Ct)).ReadJsonAsync();

        Assert.Equal(["p-a", "p-b", "p-c"], Products(query));
        Assert.Equal(["p-a", "p-b", "p-c"], Products(named));
    }
}
