using ClosedXML.Excel;
using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Reports.Definitions;
using FoodFast.Analytics.Reports.Documents;
using FoodFast.Analytics.Reports.Writers.Xlsx;

namespace FoodFast.Analytics.UnitTests.Reports;

/// <summary>
/// A sales report built from query results, written as XLSX and read back with ClosedXML (a reader that is not ours):
/// KPI values and totals are numbers, days are Excel dates, money carries the currency format, counts are integers.
/// </summary>
public sealed class TypedReportCellsTests
{
    private static readonly ResultMeta Meta = new("postgres", 1, false, false, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "orders", "Europe/Berlin",
        new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(1)), new DateTimeOffset(2026, 11, 3, 0, 0, 0, TimeSpan.FromHours(1)));

    private static readonly QueryResult Totals = new(
        [new("currency", "dimension"), new("revenue", "money"), new("order_count", "count"), new("units", "quantity"), new("cancelled_total", "money"), new("net_revenue", "money")],
        [["EUR", 19890.55m, 412L, 1288m, 96.40m, 19794.15m]], Meta);

    private static readonly QueryResult Trend = new(
        [new("bucket", "day"), new("currency", "dimension"), new("revenue", "money"), new("order_count", "count"), new("units", "quantity")],
        [["2026-11-01", "EUR", 9890.55m, 201L, 640m], ["2026-11-02", "EUR", 10000.00m, 211L, 648m]], Meta);

    [Fact]
    public async Task Kpis_are_numbers_in_words_money_has_its_currency_format_days_are_dates_and_counts_integers()
    {
        var document = new ReportDocument
        {
            Title = "Daily sales",
            ShopId = "shop-de-berlin",
            Period = new ReportPeriod(Meta.From, Meta.To, "Europe/Berlin"),
            Kpis = [.. QueryTables.Kpis(Totals, "revenue", "order_count", "units", "cancelled_total", "net_revenue")],
            Tables = [QueryTables.Table("Daily trend", Trend)],
        };
        using var output = new MemoryStream();
        await new XlsxReportWriter().WriteAsync(document, output, null, TestContext.Current.CancellationToken);

        using var book = new XLWorkbook(new MemoryStream(output.ToArray()));
        var kpis = book.Worksheet("Summary").RowsUsed().SkipWhile(r => r.Cell(1).GetString() != "KPI").Skip(1)
            .Select(r => (Label: r.Cell(1).GetString(), Cell: r.Cell(2))).ToList();
        Assert.Equal(["Revenue (EUR)", "Orders", "Units sold", "Cancelled (EUR)", "Net revenue (EUR)"], kpis.Select(k => k.Label));
        Assert.All(kpis, k => Assert.Equal(XLDataType.Number, k.Cell.DataType));
        Assert.Equal(19890.55, kpis[0].Cell.GetDouble());
        Assert.Equal("#,##0.00 \"EUR\"", kpis[0].Cell.Style.NumberFormat.Format);
        Assert.Equal(412, kpis[1].Cell.GetDouble());
        Assert.Equal(3, kpis[1].Cell.Style.NumberFormat.NumberFormatId); // built-in "#,##0"
        Assert.Equal(3, kpis[2].Cell.Style.NumberFormat.NumberFormatId);
        Assert.Equal(19794.15, kpis[4].Cell.GetDouble());

        var trend = book.Worksheet("Daily trend");
        Assert.Equal(["bucket", "currency", "revenue", "order_count", "units"], trend.Row(1).CellsUsed().Select(c => c.GetString()));
        var day = trend.Cell("A2");
        Assert.Equal(XLDataType.DateTime, day.DataType);
        Assert.Equal(new DateTime(2026, 11, 1), day.GetDateTime());
        Assert.Equal("yyyy-mm-dd", day.Style.NumberFormat.Format);
        Assert.Equal(9890.55, trend.Cell("C2").GetDouble());
        Assert.Equal("#,##0.00 \"EUR\"", trend.Cell("C2").Style.NumberFormat.Format);
        Assert.Equal(3, trend.Cell("D2").Style.NumberFormat.NumberFormatId);
        Assert.Equal(3, trend.Cell("E2").Style.NumberFormat.NumberFormatId);
        Assert.Equal(648, trend.Cell("E3").GetDouble());
    }

    [Fact]
    public void Counts_of_several_currencies_name_theirs_and_money_of_several_currencies_has_no_single_currency()
    {
        var mixed = Totals with { Rows = [["EUR", 10m, 2L, 3m, 0m, 10m], ["GBP", 15m, 1L, 4m, 15m, 0m]] };

        var kpis = QueryTables.Kpis(mixed, "revenue", "order_count").Select(k => k.Label).ToList();
        var revenue = QueryTables.Table("Totals", mixed).Columns[1];

        Assert.Equal(["Revenue (EUR)", "Orders (EUR)", "Revenue (GBP)", "Orders (GBP)"], kpis);
        Assert.Equal((ColumnType.Money, ""), (revenue.Type, revenue.Currency));
    }
}
