using System.Globalization;
using System.Text;
using FoodFast.Analytics.Reports.Documents;

namespace FoodFast.Analytics.Reports.Writers.Html;

/// <summary>
/// One self-contained HTML page (inline CSS and SVG, no scripts, no external assets), every value HTML-encoded:
/// title, shop and period, parameters, KPI tiles, charts and the tables. Each table shows at most
/// <see cref="DetailRowLimit"/> rows, with a note pointing to CSV/XLSX for the rest. It is also what the PDF prints.
/// </summary>
public sealed class HtmlReportWriter : IReportWriter
{
    public const int DefaultDetailRowLimit = 10_000;

    public HtmlReportWriter(int detailRowLimit = DefaultDetailRowLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(detailRowLimit, 1);
        DetailRowLimit = detailRowLimit;
    }

    public int DetailRowLimit { get; }
    public string Format => "html";
    public string ContentType => "text/html; charset=utf-8";
    public string FileExtension => ".html";

    public async Task WriteAsync(ReportDocument document, Stream destination, IProgress<ReportProgress>? progress, CancellationToken cancellationToken)
    {
        await using var output = new StreamWriter(destination, new UTF8Encoding(false), bufferSize: 1 << 16, leaveOpen: true);
        // Markup is built in a small buffer and drained asynchronously, so the destination may be an HTTP response.
        var html = new StringWriter(CultureInfo.InvariantCulture);
        async Task DrainAsync()
        {
            await output.WriteAsync(html.GetStringBuilder(), cancellationToken);
            html.GetStringBuilder().Clear();
        }

        var rows = new RowProgress(progress);
        html.Write($"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{E(document.Title)}</title>\n<style>\n{ReportStyleSheet.Css}\n</style>\n</head>\n<body>\n");
        html.Write($"<header>\n<h1>{E(document.Title)}</h1>\n<p class=\"meta\">Shop <b>{E(document.ShopId)}</b> · {E(document.Period.Describe())}</p>\n</header>\n");
        WriteParameters(html, document.Parameters);
        WriteKpis(html, document.Kpis, document.Period);
        foreach (var chart in document.Charts)
        {
            html.Write($"<figure class=\"chart\"><figcaption>{E(chart.Title)}</figcaption>");
            SvgChart.Write(html, chart);
            html.Write("</figure>\n");
        }
        await DrainAsync();
        foreach (var table in document.Tables)
        {
            await WriteTableAsync(html, DrainAsync, table, document.Period, rows, cancellationToken);
        }
        html.Write("</body>\n</html>\n");
        await DrainAsync();
        await output.FlushAsync(cancellationToken);
        rows.Completed();
    }

    private static void WriteParameters(TextWriter html, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        if (parameters.Count == 0)
        {
            return;
        }
        html.Write("<section>\n<h2>Parameters</h2>\n<table class=\"parameters\"><tbody>\n");
        foreach (var (key, value) in parameters)
        {
            html.Write($"<tr><th>{E(key)}</th><td>{E(value)}</td></tr>\n");
        }
        html.Write("</tbody></table>\n</section>\n");
    }

    private static void WriteKpis(TextWriter html, IReadOnlyList<KpiTile> kpis, ReportPeriod period)
    {
        if (kpis.Count == 0)
        {
            return;
        }
        html.Write("<section class=\"kpis\">\n");
        foreach (var kpi in kpis)
        {
            var trend = kpi.Delta switch { ['+', ..] => " up", ['-' or '−', ..] => " down", _ => "" };
            html.Write($"<div class=\"kpi\"><div class=\"kpi-label\">{E(kpi.Label)}</div><div class=\"kpi-value\">{E(kpi.Value is null ? "–" : DisplayText.Format(kpi.Column, kpi.Value, period))}</div>");
            html.Write(kpi.Delta is null ? "</div>\n" : $"<div class=\"kpi-delta{trend}\">{E(kpi.Delta)}</div></div>\n");
        }
        html.Write("</section>\n");
    }

    private async Task WriteTableAsync(TextWriter html, Func<Task> drainAsync, ReportTable table, ReportPeriod period, RowProgress rows, CancellationToken cancellationToken)
    {
        var columns = table.Columns;
        var classes = columns.Select(c => DisplayText.IsNumeric(c.Type) ? " class=\"num\""
            : c.Type is ColumnType.Date or ColumnType.DateTime ? " class=\"when\"" : "").ToArray();
        string Cell(string tag, int i, string text) => $"<{tag}{classes[i]}>{E(text)}</{tag}>";

        html.Write($"<section>\n<h2>{E(table.Name)}</h2>\n<table class=\"data\">\n<thead><tr>");
        html.Write(string.Concat(columns.Select((c, i) => Cell("th", i, c.Name))));
        html.Write("</tr></thead>\n");
        html.Write("<tbody>\n");
        var shown = 0;
        var truncated = false;
        await foreach (var row in table.Rows.WithCancellation(cancellationToken))
        {
            if (shown == DetailRowLimit)
            {
                truncated = true; // leaving the loop stops the row source: nothing more is read
                break;
            }
            html.Write("<tr>");
            html.Write(string.Concat(columns.Select((c, i) => Cell("td", i, DisplayText.Format(c, row[i], period)))));
            html.Write("</tr>\n");
            shown++;
            rows.RowWritten();
            await drainAsync();
        }
        if (shown == 0)
        {
            html.Write($"<tr><td colspan=\"{columns.Count}\" class=\"note\">No rows.</td></tr>\n");
        }
        html.Write("</tbody>\n");
        // After the body, shown once: totals cover every row, including those past the cap.
        if (table.Totals is { } totals)
        {
            html.Write("<tfoot><tr>");
            html.Write(string.Concat(columns.Select((c, i) => Cell("td", i, i == 0 && totals.ElementAtOrDefault(0) is null ? "Total" : DisplayText.Format(c, totals.ElementAtOrDefault(i), period)))));
            html.Write("</tr></tfoot>\n");
        }
        html.Write("</table>\n");
        if (truncated)
        {
            html.Write($"<p class=\"note\">Showing the first {DetailRowLimit.ToString("#,##0", CultureInfo.InvariantCulture)} rows. Download this report as CSV or XLSX for every row.</p>\n");
        }
        html.Write("</section>\n");
        await drainAsync();
    }

    private static string E(string text) => HtmlText.Encode(text);
}
