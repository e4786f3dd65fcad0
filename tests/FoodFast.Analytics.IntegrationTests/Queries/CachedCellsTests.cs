using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.IntegrationTests.Infrastructure;
using FoodFast.Analytics.Reports.Definitions;
using FoodFast.Analytics.Reports.Documents;
using FoodFast.Analytics.Reports.Writers;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace FoodFast.Analytics.IntegrationTests.Queries;

/// <summary>
/// A result served from the query cache (the real Redis; no near cache, so every hit is read back from Redis's bytes)
/// is the fresh result: the same cells of the same kinds, money with its scale, the same report files.
/// </summary>
public sealed class CachedCellsTests(CachedCellsTests.RedisOnlyApi api) : IClassFixture<CachedCellsTests.RedisOnlyApi>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset From = new(2026, 10, 23, 22, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2026, 10, 26, 23, 0, 0, TimeSpan.Zero);
    private const string Window = "shopId=shop-a&from=2026-10-23T22:00:00Z&to=2026-10-26T23:00:00Z&tz=Europe/Berlin";

    /// <summary>Each cell as its kind and value: "text:EUR", "number:6.00" (the scale shows), "empty".</summary>
    private static string[] Cells(QueryResult result) => result.Rows.Select(row => string.Join('|', row.Select(cell =>
        cell.Text is { } text ? "text:" + text : cell.Number is { } number ? "number:" + number.ToString(CultureInfo.InvariantCulture) : "empty"))).ToArray();

    [Fact]
    public async Task A_result_read_back_from_redis_holds_the_fresh_results_cells_of_the_same_kinds()
    {
        await api.LoadedClientAsync();
        var engine = api.Services.GetRequiredService<QueryEngine>();
        var query = new AnalyticsQuery
        {
            ShopId = "shop-a", Dataset = Datasets.Orders, Metrics = ["revenue", "aov"], From = From, To = To, TimeZone = "Europe/Berlin",
            Bucket = TimeBucket.Day, GroupBy = ["currency"], Compare = ComparisonPeriod.PreviousPeriod,
        };

        var fresh = (await engine.RunAsync(query, Ct)).Result!;
        var cached = (await engine.RunAsync(query, Ct)).Result!;

        Assert.False(fresh.Meta.Cached);
        Assert.True(cached.Meta.Cached);
        using (var redis = await ConnectionMultiplexer.ConnectAsync(TestServers.Redis))
        {
            Assert.True(await redis.GetDatabase().KeyExistsAsync(api.RedisPrefix + QueryEngine.CacheKey(query)));
        }
        // Contract data: shop-a's EUR orders of 11.63, 6.96 and 6.00 on three Berlin days, its GBP order of 15.00 on the 25th;
        // nothing in the previous period, so every change and every previous average is null.
        Assert.Equal(
        [
            "text:2026-10-24|text:EUR|number:11.63|number:0|empty|number:11.63|empty|empty",
            "text:2026-10-24|text:GBP|number:0|number:0|empty|empty|empty|empty",
            "text:2026-10-25|text:GBP|number:15.00|number:0|empty|number:15.00|empty|empty",
            "text:2026-10-25|text:EUR|number:6.96|number:0|empty|number:6.96|empty|empty",
            "text:2026-10-26|text:EUR|number:6.00|number:0|empty|number:6.00|empty|empty",
            "text:2026-10-26|text:GBP|number:0|number:0|empty|empty|empty|empty",
        ], Cells(fresh));
        Assert.Equal(Cells(fresh), Cells(cached));
        Assert.Equal(fresh.Rows.SelectMany(r => r), cached.Rows.SelectMany(r => r));
        Assert.Equal(fresh.Columns, cached.Columns);
    }

    [Fact]
    public async Task A_report_built_from_cached_results_writes_the_same_files_as_one_built_from_fresh_results()
    {
        await api.LoadedClientAsync();
        var engine = api.Services.GetRequiredService<QueryEngine>();
        var exports = api.Services.GetRequiredService<IAnalyticsStore>().Exports;
        var writers = api.Services.GetRequiredService<ReportWriters>();
        var parameters = new ReportParameters { From = From, To = To, TimeZone = "Europe/Berlin" };
        ReportContext Context() => new("shop-a", new ReportPeriod(From, To, "Europe/Berlin"), parameters, engine, exports);

        var fresh = await new SalesSummaryReport().BuildAsync(Context(), Ct);
        var cached = await new SalesSummaryReport().BuildAsync(Context(), Ct);

        var freshCells = await CellsAsync(fresh);
        Assert.Contains("Decimal:13.50", freshCells); // p1's line revenue, exact cents
        Assert.Contains("DateOnly:10/24/2026", freshCells); // a day bucket, as a date
        Assert.Equal(freshCells, await CellsAsync(cached));
        foreach (var format in new[] { "csv", "json", "html" })
        {
            Assert.Equal(await WriteAsync(writers.Find(format)!, fresh), await WriteAsync(writers.Find(format)!, cached));
        }
    }

    [Fact]
    public async Task Endpoints_that_read_cells_answer_a_hit_as_they_answered_the_miss()
    {
        var client = await api.LoadedClientAsync();

        foreach (var (path, part, rows) in new[] { ("products/performance", "products", 4), ("users/engagement", "dailyActiveUsers", 3) })
        {
            using var miss = await client.GetAsync($"/api/v1/analytics/{path}?{Window}", Ct);
            using var hit = await client.GetAsync($"/api/v1/analytics/{path}?{Window}", Ct);

            Assert.Equal(["miss", "hit"], [miss.Headers.GetValues("X-Cache").Single(), hit.Headers.GetValues("X-Cache").Single()]);
            var (computed, served) = (await miss.ReadJsonAsync(), await hit.ReadJsonAsync());
            Assert.Equal(WithoutMeta(computed), WithoutMeta(served));
            var table = computed.GetProperty(part);
            Assert.Equal(rows, (table.ValueKind == JsonValueKind.Array ? table : table.GetProperty("rows")).GetArrayLength());
        }
    }

    /// <summary>Every KPI value and table cell the writers are given, as its type and invariant text.</summary>
    private static async Task<List<string>> CellsAsync(ReportDocument document)
    {
        static string Describe(object? value) => value is null ? "null" : $"{value.GetType().Name}:{Convert.ToString(value, CultureInfo.InvariantCulture)}";
        var cells = document.Kpis.Select(k => $"{k.Label}={Describe(k.Value)}").ToList();
        foreach (var table in document.Tables)
        {
            await foreach (var row in table.Rows)
            {
                cells.AddRange(row.Select(Describe));
            }
        }
        return cells;
    }

    private static async Task<byte[]> WriteAsync(IReportWriter writer, ReportDocument document)
    {
        using var output = new MemoryStream();
        await writer.WriteAsync(document, output, null, Ct);
        return output.ToArray();
    }

    /// <summary>The answer's JSON without its metas (they say whether it was cached), nested ones included.</summary>
    private static string WithoutMeta(JsonElement answer) => Strip(JsonNode.Parse(answer.GetRawText())!.AsObject()).ToJsonString();

    private static JsonObject Strip(JsonObject node)
    {
        node.Remove("meta");
        foreach (var child in node.Select(p => p.Value).OfType<JsonObject>())
        {
            Strip(child);
        }
        return node;
    }

    /// <summary>The API with the contract data and no near cache: a hit is always read from Redis.</summary>
    public sealed class RedisOnlyApi : QueryApiFactory
    {
        protected override void Configure(IDictionary<string, string?> settings) => settings["Cache:NearTtlSeconds"] = "0";
    }
}
