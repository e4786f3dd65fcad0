using FoodFast.Analytics.Core.Events;
using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.Queries;

/// <summary>Product, expense and JSON report endpoints over HTTP, with values computed by hand from ContractData.</summary>
public sealed class ProductAndReportEndpointTests(QueryApiFactory api) : IClassFixture<QueryApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Window = "shopId=shop-a&from=2026-10-23T22:00:00Z&to=2026-10-26T23:00:00Z&tz=Europe/Berlin";

    private static string[] Rows(System.Text.Json.JsonElement result) =>
        result.GetProperty("rows").EnumerateArray().Select(r => string.Join('|', r.EnumerateArray().Select(c => c.ToString()))).ToArray();

    [Fact]
    public async Task Product_performance_joins_views_and_carts_with_sales()
    {
        var client = await api.LoadedClientAsync();

        var body = await (await client.GetAsync($"/api/v1/analytics/products/performance?{Window}", Ct)).ReadJsonAsync();

        var rows = body.GetProperty("products").EnumerateArray().Select(p => string.Join('|',
            p.GetProperty("productId"), p.GetProperty("currency"), p.GetProperty("views"), p.GetProperty("addToCarts"), p.TryGetProperty("addToCartRate", out var rate) ? rate.ToString() : "",
            p.GetProperty("orders"), p.GetProperty("units"), p.GetProperty("revenue"), p.GetProperty("grossMargin"))).ToArray();
        Assert.Equal(["p1|EUR|2|1|0.5|2|3|13.50|4.50", "p4|GBP|0|0||1|4|10.00|6.00", "p3|EUR|0|0||1|1|6.00|0", "p2|EUR|1|1|1|1|3|3.00|1.80"], rows);
    }

    [Fact]
    public async Task Search_terms_list_top_and_zero_result_queries_and_the_search_to_purchase_rate()
    {
        var client = await api.LoadedClientAsync();

        var body = await (await client.GetAsync($"/api/v1/analytics/products/search?{Window}", Ct)).ReadJsonAsync();

        Assert.Equal(["käse|1|1", "milch|1|1"], Rows(body.GetProperty("topQueries")));
        Assert.Equal(["milch|1|1"], Rows(body.GetProperty("zeroResultQueries")));
        Assert.Equal(1, body.GetProperty("searchingSessions").GetInt64());
        Assert.Equal(0, body.GetProperty("searchToPurchaseRate").GetDecimal());
    }

    [Fact]
    public async Task Expenses_show_refunds_cancellations_discounts_and_free_shipping()
    {
        var client = await api.LoadedClientAsync();

        var body = await (await client.GetAsync($"/api/v1/analytics/financial/expenses?{Window}", Ct)).ReadJsonAsync();

        Assert.Equal(["EUR|6.00|0|1.00|2|2.00", "GBP|0|15.00|0.00|0|3.00"], Rows(body));
    }

    [Fact]
    public async Task The_daily_sales_report_has_totals_top_products_and_an_hourly_breakdown()
    {
        var client = await api.LoadedClientAsync();

        var body = await (await client.GetAsync("/api/v1/reports/daily-sales?shopId=shop-a&date=2026-10-25&tz=Europe/Berlin", Ct)).ReadJsonAsync();

        Assert.Equal("2026-10-25", body.GetProperty("firstDay").GetString());
        // net revenue = revenue - refunds - cancelled: GBP's order was cancelled the same day.
        Assert.Equal(["GBP|15.00|1|4|15.00|0|15.00|0.00", "EUR|6.96|1|4|6.96|0|0|6.96"], Rows(body.GetProperty("totals")));
        Assert.Equal(["p4|Earl Grey|GBP|10.00|4", "p1|Käsespätzle|EUR|4.50|1", "p2|Brezel|EUR|3.00|3"], Rows(body.GetProperty("topProducts")));
        var breakdown = Rows(body.GetProperty("breakdown"));
        Assert.Equal(48, breakdown.Length);
        Assert.Contains("2026-10-25T00:00|EUR|6.96|1|4", breakdown);
        Assert.Contains("2026-10-25T11:00|GBP|15.00|1|4", breakdown);
    }

    [Fact]
    public async Task Monthly_and_weekly_reports_name_bad_dates()
    {
        var client = await api.LoadedClientAsync();

        var month = await client.GetAsync("/api/v1/reports/monthly-sales?shopId=shop-a&year=2026&month=13", Ct);
        var week = await client.GetAsync("/api/v1/reports/weekly-sales?shopId=shop-a&startDate=21.11.2026", Ct);

        Assert.Equal("must be 1 to 12", (await month.AssertProblemAsync(System.Net.HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("month")[0].GetString());
        Assert.Equal("'21.11.2026' is not a date YYYY-MM-DD", (await week.AssertProblemAsync(System.Net.HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("startDate")[0].GetString());
    }

    [Fact]
    public async Task Inventory_keeps_each_products_latest_level_and_lists_low_stock()
    {
        var client = await api.LoadedClientAsync();
        ActivityEvent Stock(string product, int level, int minutesAgo) => Sample.Event("stock-shop", type: ActivityType.InventoryUpdated) with
        {
            ProductId = product, ProductName = $"Product {product}", StockLevel = level, OccurredAt = Sample.Now.AddMinutes(-minutesAgo),
        };
        await client.PostAsync("/api/v1/events/batch?wait=true", Sample.Json(new[] { Stock("x", 50, 30), Stock("x", 3, 10), Stock("y", 40, 5), Stock("z", 9, 1) }), Ct);

        var body = await (await client.GetAsync("/api/v1/analytics/products/inventory?shopId=stock-shop&threshold=10", Ct)).ReadJsonAsync();

        Assert.Equal(["x:3", "y:40", "z:9"], body.GetProperty("products").EnumerateArray().Select(p => $"{p.GetProperty("productId")}:{p.GetProperty("level")}"));
        Assert.Equal(["x:3", "z:9"], body.GetProperty("lowStock").EnumerateArray().Select(p => $"{p.GetProperty("productId")}:{p.GetProperty("level")}"));
    }

    [Fact]
    public async Task Reviews_give_the_distribution_and_the_average()
    {
        var client = await api.LoadedClientAsync();
        var reviews = new[] { 5, 4, 4 }.Select(r => Sample.Event("review-shop", type: ActivityType.Review) with { Rating = r });
        await client.PostAsync("/api/v1/events/batch?wait=true", Sample.Json(reviews), Ct);

        var body = await (await client.GetAsync("/api/v1/analytics/products/reviews?shopId=review-shop&days=2", Ct)).ReadJsonAsync();

        Assert.Equal(["3|4.3333"], Rows(body.GetProperty("summary")));
        Assert.Equal(["4|2", "5|1"], Rows(body.GetProperty("distribution")));
    }
}
