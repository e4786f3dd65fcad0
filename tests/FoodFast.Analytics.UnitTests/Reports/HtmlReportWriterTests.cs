using System.Text;
using FoodFast.Analytics.Reports.Documents;
using FoodFast.Analytics.Reports.Writers.Html;

namespace FoodFast.Analytics.UnitTests.Reports;

public sealed class HtmlReportWriterTests
{
    private static async Task<string> WriteAsync(ReportDocument document, int detailRowLimit = HtmlReportWriter.DefaultDetailRowLimit)
    {
        using var output = new MemoryStream();
        await new HtmlReportWriter(detailRowLimit).WriteAsync(document, output, null, TestContext.Current.CancellationToken);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    [Fact]
    public async Task Markup_in_values_is_encoded_and_the_page_has_no_scripts_or_external_assets()
    {
        var hostile = new object?[] { "<script>alert('x')</script>", "Tom & \"Jerry\"", 1, 1m, null, null, null, null };
        var document = SampleReports.Orders(1, extraRows: [hostile]) with { Title = "Q4 <b>report</b> & more" };

        var html = await WriteAsync(document);

        Assert.Contains("<td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Tom &amp; &quot;Jerry&quot;</td>", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Q4 &lt;b&gt;report&lt;/b&gt; &amp; more</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Page_has_header_kpis_charts_repeating_table_headers_page_numbers_and_cjk_fonts()
    {
        var html = await WriteAsync(SampleReports.Orders(3));

        Assert.Contains("<p class=\"meta\">Shop <b>shop-42</b> · 2026-11-01 – 2026-11-30 (Europe/Berlin)</p>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><th>group by</th><td>product &amp; day</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains(
            "<div class=\"kpi\"><div class=\"kpi-label\">Revenue</div><div class=\"kpi-value\">12,480.50 EUR</div><div class=\"kpi-delta up\">+4.2 %</div></div>",
            html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"kpi-delta down\">-1.5 %</div>", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("<svg ").Length - 1);
        Assert.Single(html.Split("<polyline ").Skip(1));
        Assert.Contains("table.data thead { display: table-header-group; }", html, StringComparison.Ordinal);
        Assert.Contains("@bottom-center { content: \"Page \" counter(page) \" of \" counter(pages);", html, StringComparison.Ordinal);
        Assert.Contains("\"DejaVu Sans\"", html, StringComparison.Ordinal);
        Assert.Contains("\"Noto Sans CJK JP\"", html, StringComparison.Ordinal);
        Assert.Contains(
            "<tr><td>A-1</td><td>Käsespätzle</td><td class=\"num\">1</td><td class=\"num\">13.50 EUR</td><td class=\"num\">12.5 %</td><td class=\"when\">2026-11-03</td><td class=\"when\">2026-11-03 10:15</td><td class=\"num\">0.75</td></tr>",
            html, StringComparison.Ordinal);
        Assert.Contains("<td>抹茶アイス\nmatcha</td>", html, StringComparison.Ordinal);
        Assert.Contains(
            "<tfoot><tr><td>Total</td><td></td><td class=\"num\">7,771</td><td class=\"num\">98,765.43 EUR</td><td class=\"num\"></td><td class=\"when\"></td><td class=\"when\"></td><td class=\"num\"></td></tr></tfoot>",
            html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tables_stop_at_the_row_limit_with_a_note_and_read_no_further()
    {
        var counter = new RowCounter();

        var html = await WriteAsync(SampleReports.Orders(50, counter), detailRowLimit: 3);

        Assert.Equal(3, html.Split("<tr><td>A-").Length - 1);
        Assert.Contains("<tr><td>A-3</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<tr><td>A-4</td>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"note\">Showing the first 3 rows. Download this report as CSV or XLSX for every row.</p>", html, StringComparison.Ordinal);
        Assert.Equal(4, counter.Rows); // the fourth row only proves there are more
    }

    [Fact]
    public async Task A_table_within_the_limit_has_no_note()
    {
        var html = await WriteAsync(SampleReports.Orders(3), detailRowLimit: 3);

        Assert.DoesNotContain("class=\"note\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_axis_includes_zero_and_uses_at_most_four_round_steps()
    {
        Assert.Equal((0d, 600d, 200d), SvgChart.Scale([310.5, 420, 388.25, 512]));
        Assert.Equal((-50d, 100d, 50d), SvgChart.Scale([-40, 90]));
        Assert.Equal((0d, 1d, 0.25d), SvgChart.Scale([]));
    }
}
