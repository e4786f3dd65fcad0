using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Spreadsheet;
using FoodFast.Analytics.Api.Security;
using FoodFast.Analytics.IntegrationTests.Infrastructure;
using FoodFast.Analytics.UnitTests.Reports;

namespace FoodFast.Analytics.IntegrationTests.Reports;

/// <summary>Reports end to end over HTTP on the contract data: request, poll, download, check the SHA-256, open the file.</summary>
public sealed class ReportJobTests(ReportApiFactory factory) : IClassFixture<ReportApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> AnalystAsync(string shop = "shop-a")
    {
        using var loader = await factory.LoadedClientAsync();
        return await factory.CreateClientAsync(Role.Analyst, shop);
    }

    [Fact]
    public async Task Raw_orders_as_csv_hold_the_shops_orders_in_time_order_with_exact_totals()
    {
        using var client = await AnalystAsync();

        var job = await client.RequestAsync("raw_orders", "csv");
        Assert.Equal("queued", job.GetProperty("status").GetString());
        var done = await client.CompleteAsync(job.GetProperty("id").GetString()!);
        var csv = Encoding.UTF8.GetString(await client.DownloadAsync(done));

        Assert.Equal("succeeded", done.GetProperty("status").GetString());
        Assert.Equal(100, done.GetProperty("progress").GetInt32());
        Assert.Equal(4, done.GetProperty("rowsWritten").GetInt64());
        Assert.Equal("raw_orders_shop-a_2026-10-24_2026-10-26.csv", done.GetProperty("fileName").GetString());
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToList();
        Assert.Equal(["shop_id", "order_id", "customer_id", "status"], lines[0].Take(4));
        Assert.Equal("total", lines[0][16]);
        Assert.Equal(["a-1", "a-2", "a-4", "a-3"], lines.Skip(1).Select(l => l[1]));
        Assert.Equal(["11.63", "6.96", "15.00", "6.00"], lines.Skip(1).Select(l => l[16]));
        Assert.Equal(["delivered", "delivered", "cancelled", "refunded"], lines.Skip(1).Select(l => l[3]));
        Assert.Equal("2026-10-24T21:30:00Z", lines[1][4]);
    }

    [Fact]
    public async Task The_same_report_twice_gives_the_same_file_when_its_queries_come_from_the_cache()
    {
        using var client = await AnalystAsync();

        var first = await client.CompleteAsync((await client.RequestAsync("weekly_sales", "csv")).GetProperty("id").GetString()!);
        var second = await client.CompleteAsync((await client.RequestAsync("weekly_sales", "csv")).GetProperty("id").GetString()!);

        // The second run's queries are cache hits (their cells come back from JSON); it used to fail with an InvalidCastException.
        Assert.Equal(("succeeded", "succeeded"), (first.GetProperty("status").GetString(), second.GetProperty("status").GetString()));
        Assert.Equal(await client.DownloadAsync(first), await client.DownloadAsync(second));
    }

    [Fact]
    public async Task Raw_order_items_as_xlsx_have_typed_cells_read_back_with_the_openxml_sdk()
    {
        using var client = await AnalystAsync();

        var done = await client.CompleteAsync((await client.RequestAsync("raw_order_items", "xlsx")).GetProperty("id").GetString()!);
        using var workbook = XlsxWorkbook.Open(await client.DownloadAsync(done));

        Assert.Equal(["Summary", "Order items"], workbook.SheetNames);
        var rows = XlsxWorkbook.Rows(workbook.Sheet("Order items"));
        Assert.Equal(6, rows.Count); // header + a-1 (1 line), a-2 (2), a-4 (1), a-3 (1)
        Assert.Equal(["a-1", "a-2", "a-2", "a-4", "a-3"], rows.Skip(1).Select(r => XlsxWorkbook.Values(r)[1]));
        var lineTotal = XlsxWorkbook.Cell(workbook.Sheet("Order items"), "K2");
        Assert.Null(lineTotal.DataType); // a number, not a string
        Assert.Equal(9.00m, decimal.Parse(XlsxWorkbook.Value(lineTotal), CultureInfo.InvariantCulture));
        Assert.Equal("Käsespätzle", XlsxWorkbook.Values(rows[1])[4]);
    }

    [Fact]
    public async Task Sales_summary_as_pdf_shows_its_title_and_the_known_revenue()
    {
        using var client = await AnalystAsync();

        var done = await client.CompleteAsync((await client.RequestAsync("sales_summary", "pdf")).GetProperty("id").GetString()!);
        var path = Path.Combine(PopplerTools.ArtifactFolder(), $"sales-summary-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, await client.DownloadAsync(done), Ct);
        var text = await PopplerTools.TextAsync(path);

        Assert.Equal("application/pdf", done.GetProperty("contentType").GetString());
        Assert.Contains("Sales summary", text, StringComparison.Ordinal);
        Assert.Contains("24.59", text, StringComparison.Ordinal); // EUR revenue: 11.63 + 6.96 + 6.00
        Assert.Contains("Käsespätzle", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Custom_query_as_json_answers_revenue_per_currency()
    {
        using var client = await AnalystAsync();
        var parameters = new
        {
            from = Contract.ContractData.From, to = Contract.ContractData.To, tz = Contract.ContractData.Zone,
            query = new { dataset = "orders", metrics = new[] { "revenue", "order_count" }, groupBy = new[] { "currency" } },
        };

        var done = await client.CompleteAsync((await client.RequestAsync("custom", "json", parameters)).GetProperty("id").GetString()!);
        var report = JsonDocument.Parse(await client.DownloadAsync(done)).RootElement;

        var rows = report.GetProperty("tables")[0].GetProperty("rows").EnumerateArray()
            .ToDictionary(r => r[0].GetString()!, r => (r[1].GetDecimal(), r[2].GetInt32()));
        Assert.Equal((24.59m, 3), rows["EUR"]);
        Assert.Equal((15.00m, 1), rows["GBP"]);
        Assert.Equal("shop-a", report.GetProperty("shopId").GetString());
    }

    [Fact]
    public async Task Another_shops_report_is_not_found_and_listing_shows_only_the_callers_reports()
    {
        using var shopA = await AnalystAsync();
        using var shopB = await AnalystAsync("shop-b");
        var job = await shopA.RequestAsync("raw_events", "csv");
        var id = job.GetProperty("id").GetString()!;
        await shopA.CompleteAsync(id);

        await (await shopB.GetAsync(new Uri($"/api/v1/reports/{id}", UriKind.Relative), Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await shopB.GetAsync(new Uri($"/reports/{id}/download", UriKind.Relative), Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await shopB.DeleteAsync(new Uri($"/api/v1/reports/{id}", UriKind.Relative), Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        var history = await (await shopB.GetAsync(new Uri("/reports/history", UriKind.Relative), Ct)).ReadJsonAsync();
        Assert.DoesNotContain(history.GetProperty("items").EnumerateArray(), j => j.GetProperty("id").GetString() == id);
        var own = await (await shopA.GetAsync(new Uri("/api/v1/reports?kind=raw_events&status=succeeded", UriKind.Relative), Ct)).ReadJsonAsync();
        Assert.Contains(own.GetProperty("items").EnumerateArray(), j => j.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task Bad_requests_are_problems_naming_each_field()
    {
        using var client = await AnalystAsync();

        using var response = await client.PostAsync(new Uri("/reports/generate", UriKind.Relative), JsonContent("""
            {"kind":"revenue_magic","format":"docx","parameters":{"from":"2026-10-26T00:00:00Z","to":"2026-10-25T00:00:00Z","tz":"Mars/Olympus"}}
            """), Ct);
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.Contains("sales_summary", errors.GetProperty("kind")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("csv, json, xlsx, html, pdf", errors.GetProperty("format")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("must be after from", errors.GetProperty("parameters.to")[0].GetString());
        Assert.True(errors.TryGetProperty("parameters.tz", out _));
        var filter = await (await client.GetAsync(new Uri("/api/v1/reports?status=done", UriKind.Relative), Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(filter.GetProperty("errors").TryGetProperty("status", out _));
    }

    [Fact]
    public async Task Orders_stream_as_ndjson_and_csv_straight_from_the_export_source()
    {
        using var client = await AnalystAsync();
        var range = $"from={Uri.EscapeDataString(Contract.ContractData.From.ToString("O"))}&to={Uri.EscapeDataString(Contract.ContractData.To.ToString("O"))}";

        using var ndjson = await client.GetAsync(new Uri($"/api/v1/export/orders?stream=true&format=ndjson&{range}", UriKind.Relative), Ct);
        using var csv = await client.GetAsync(new Uri($"/api/v1/export/orders?stream=true&format=csv&{range}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, ndjson.StatusCode);
        var lines = (await ndjson.Content.ReadAsStringAsync(Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["a-1", "a-2", "a-4", "a-3"], lines.Select(l => l.GetProperty("order_id").GetString()));
        Assert.Equal(11.63m, lines[0].GetProperty("total").GetDecimal());
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal(5, (await csv.Content.ReadAsStringAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        var queued = await client.GetAsync(new Uri($"/api/v1/export/sales?format=json&{range}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
        var job = await queued.ReadJsonAsync();
        Assert.Equal("sales_summary", job.GetProperty("kind").GetString());
        Assert.Equal("succeeded", (await client.CompleteAsync(job.GetProperty("id").GetString()!)).GetProperty("status").GetString());
        var refused = await (await client.GetAsync(new Uri("/api/v1/export/sales?stream=true", UriKind.Relative), Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("stream", out _));
    }

    private static StringContent JsonContent(string json) => new(json, Encoding.UTF8, "application/json");
}
