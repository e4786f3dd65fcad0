using System.Text;
using FoodFast.Analytics.Reports.Documents;
using FoodFast.Analytics.Reports.Writers.Html;
using FoodFast.Analytics.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace FoodFast.Analytics.IntegrationTests.Reports;

/// <summary>
/// The report page that Chromium prints to PDF, laid out by Chromium itself: no two axis or category labels of a
/// chart overlap, with real product names (long, three languages) and a month of days.
/// </summary>
public sealed class ChartLabelLayoutTests
{

    private static readonly string[] Products =
    [
        "Tomato passata 700 g family pack", "Gummibärchen 200 g Bio family pack", "Nürnberger Rostbratwürstchen 12 Stück",
        "Croissant au beurre 4 pièces", "Chicken tikka masala 450 g", "Comté AOP 18 mois 250 g", "Bio Vollmilch 3,8 % 1 l",
        "Apfelschorle 6 x 0,5 l", "Pad thai noodle bowl 380 g", "Jus de pomme artisanal 1 l",
    ];

    [Fact]
    public async Task No_two_labels_of_a_chart_overlap()
    {
        var days = Enumerable.Range(0, 31).Select(d => new DateOnly(2026, 11, 1).AddDays(d).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var document = new ReportDocument
        {
            Title = "Monthly sales",
            ShopId = "shop-de-berlin",
            Period = new ReportPeriod(new DateTimeOffset(2026, 10, 31, 23, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 30, 23, 0, 0, TimeSpan.Zero), "Europe/Berlin"),
            Charts =
            [
                new ReportChart("Revenue", ChartKind.Line, days, [new ChartSeries("Revenue (EUR)", [.. days.Select((_, i) => 900.0 + (i * 37 % 400))])]),
                new ReportChart("Top products", ChartKind.Bar, Products, [new ChartSeries("Revenue (EUR)", [.. Products.Select((_, i) => 2400.0 - (i * 180))])]),
            ],
            Tables = [new ReportTable("Empty", [new ReportColumn("x", ColumnType.Text)], Rows())],
        };
        using var output = new MemoryStream();
        await new HtmlReportWriter().WriteAsync(document, output, null, TestContext.Current.CancellationToken);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        // A4 at 96 dpi, the width the PDF is printed at.
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 794, Height = 1123 } });
        await page.SetContentAsync(Encoding.UTF8.GetString(output.ToArray()));

        var charts = await page.QuerySelectorAllAsync("svg");
        Assert.Equal(2, charts.Count);
        foreach (var chart in charts)
        {
            var boxes = new List<ElementHandleBoundingBoxResult>();
            foreach (var label in await chart.QuerySelectorAllAsync("text.label"))
            {
                boxes.Add((await label.BoundingBoxAsync())!);
            }
            Assert.True(boxes.Count >= 8, $"{boxes.Count} labels");
            for (var i = 0; i < boxes.Count; i++)
            {
                for (var j = i + 1; j < boxes.Count; j++)
                {
                    Assert.False(Overlap(boxes[i], boxes[j]), $"labels {i} and {j} overlap: {Describe(boxes[i])} and {Describe(boxes[j])}");
                }
            }
        }
        Assert.Contains("Nürnberger Rostbratwürstchen 12…", await charts[1].TextContentAsync(), StringComparison.Ordinal);
    }

    private static bool Overlap(ElementHandleBoundingBoxResult a, ElementHandleBoundingBoxResult b) =>
        a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height;

    private static string Describe(ElementHandleBoundingBoxResult box) => $"({box.X:0.#},{box.Y:0.#} {box.Width:0.#}x{box.Height:0.#})";

    private static async IAsyncEnumerable<object?[]> Rows()
    {
        await Task.CompletedTask;
        yield break;
    }
}
