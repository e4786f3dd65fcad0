using System.Globalization;
using FoodFast.Analytics.Reports.Documents;

namespace FoodFast.Analytics.Reports.Writers.Html;

/// <summary>
/// Draws a chart as inline SVG. Lines run over time: a y grid of round steps through zero, thinned x labels, a legend.
/// Bars compare named things (products, categories), whose names are long: one row per name, the name left of its
/// bar, so no two labels can overlap however many there are.
/// </summary>
internal static class SvgChart
{
    private const double Width = 720, Height = 220, Left = 52, Right = 12, Top = 30, Bottom = 34;
    private const double PlotWidth = Width - Left - Right, PlotHeight = Height - Top - Bottom;
    private const int MaxLabels = 8;

    // Bars: the name column, the height of one row, and how many characters of a name fit the column at font size 10.
    private const double NameWidth = 200, RowHeight = 20, BarTop = 30;
    private const int NameCharacters = 32;
    private static readonly string[] Palette = ["#2563eb", "#f97316", "#16a34a", "#9333ea", "#dc2626", "#0891b2"];

    public static void Write(TextWriter html, ReportChart chart)
    {
        if (chart.Kind == ChartKind.Bar)
        {
            WriteBars(html, chart);
            return;
        }
        var (min, max, step) = Scale(chart.Series.SelectMany(s => s.Values));
        double Y(double value) => Top + (PlotHeight * (max - value) / (max - min));
        var n = chart.Labels.Count;

        html.Write($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" font-size=\"10\" font-family=\"{HtmlText.Encode(ReportStyleSheet.Fonts)}\">");
        for (var tick = min; tick <= max + (step / 2); tick += step)
        {
            html.Write($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{N(Y(tick))}\" y2=\"{N(Y(tick))}\" stroke=\"#e5e7eb\"/>");
            html.Write($"<text x=\"{Left - 6}\" y=\"{N(Y(tick) + 3)}\" text-anchor=\"end\" fill=\"#6b7280\">{DisplayText.Compact(tick)}</text>");
        }
        var every = Math.Max(1, (int)Math.Ceiling(n / (double)MaxLabels));
        for (var i = 0; i < n; i += every)
        {
            var label = chart.Labels[i].Length > 10 ? chart.Labels[i][..9] + "…" : chart.Labels[i];
            html.Write($"<text class=\"label\" x=\"{N(Center(i, n))}\" y=\"{N(Top + PlotHeight + 16)}\" text-anchor=\"middle\" fill=\"#4b5563\">{HtmlText.Encode(label)}</text>");
        }
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var color = Palette[s % Palette.Length];
            var values = chart.Series[s].Values;
            var points = string.Join(' ', values.Take(n).Select((v, i) => $"{N(Center(i, n))},{N(Y(double.IsFinite(v) ? v : 0))}"));
            html.Write($"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" points=\"{points}\"/>");
            Legend(html, chart.Series[s].Name, s, Left);
        }
        html.Write($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{N(Y(0))}\" y2=\"{N(Y(0))}\" stroke=\"#9ca3af\"/>");
        html.Write("</svg>");
    }

    private static void WriteBars(TextWriter html, ReportChart chart)
    {
        var n = chart.Labels.Count;
        var plotLeft = NameWidth + 8;
        var plotWidth = Width - plotLeft - Right;
        var (min, max, step) = Scale(chart.Series.SelectMany(s => s.Values));
        double X(double value) => plotLeft + (plotWidth * (value - min) / (max - min));
        var height = BarTop + (n * RowHeight) + 22;

        html.Write($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {N(height)}\" role=\"img\" font-size=\"10\" font-family=\"{HtmlText.Encode(ReportStyleSheet.Fonts)}\">");
        var axisY = BarTop + (n * RowHeight);
        for (var tick = min; tick <= max + (step / 2); tick += step)
        {
            html.Write($"<line x1=\"{N(X(tick))}\" x2=\"{N(X(tick))}\" y1=\"{BarTop}\" y2=\"{N(axisY)}\" stroke=\"#e5e7eb\"/>");
            html.Write($"<text class=\"tick\" x=\"{N(X(tick))}\" y=\"{N(axisY + 14)}\" text-anchor=\"middle\" fill=\"#6b7280\">{DisplayText.Compact(tick)}</text>");
        }
        var barHeight = RowHeight * 0.7 / Math.Max(chart.Series.Count, 1);
        for (var i = 0; i < n; i++)
        {
            var rowTop = BarTop + (i * RowHeight);
            var name = chart.Labels[i];
            var shown = name.Length > NameCharacters ? name[..(NameCharacters - 1)].TrimEnd() + "…" : name;
            // The whole name stays readable as the label's tooltip.
            html.Write($"<text class=\"label\" x=\"{N(NameWidth)}\" y=\"{N(rowTop + (RowHeight / 2) + 3.5)}\" text-anchor=\"end\" fill=\"#4b5563\"><title>{HtmlText.Encode(name)}</title>{HtmlText.Encode(shown)}</text>");
            for (var s = 0; s < chart.Series.Count; s++)
            {
                var value = i < chart.Series[s].Values.Count && double.IsFinite(chart.Series[s].Values[i]) ? chart.Series[s].Values[i] : 0;
                var from = X(Math.Min(value, 0));
                html.Write($"<rect x=\"{N(from)}\" y=\"{N(rowTop + (RowHeight * 0.15) + (s * barHeight))}\" width=\"{N(Math.Abs(X(value) - X(0)))}\" height=\"{N(barHeight)}\" fill=\"{Palette[s % Palette.Length]}\"/>");
            }
        }
        for (var s = 0; s < chart.Series.Count; s++)
        {
            Legend(html, chart.Series[s].Name, s, plotLeft);
        }
        html.Write($"<line x1=\"{N(X(0))}\" x2=\"{N(X(0))}\" y1=\"{BarTop}\" y2=\"{N(axisY)}\" stroke=\"#9ca3af\"/>");
        html.Write("</svg>");
    }

    private static void Legend(TextWriter html, string name, int series, double left)
    {
        var x = left + (series * 150);
        html.Write($"<rect x=\"{N(x)}\" y=\"8\" width=\"10\" height=\"10\" fill=\"{Palette[series % Palette.Length]}\"/>");
        html.Write($"<text x=\"{N(x + 14)}\" y=\"17\" fill=\"#374151\">{HtmlText.Encode(name)}</text>");
    }

    // Points sit in the middle of their band, so the first and last labels are never clipped.
    private static double Center(int i, int n) => Left + (PlotWidth / Math.Max(n, 1) * (i + 0.5));

    /// <summary>An axis from min(0, lowest) to max(0, highest) in at most four round steps (1, 2, 2.5 or 5 times a power of ten).</summary>
    internal static (double Min, double Max, double Step) Scale(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToList();
        var low = Math.Min(0, finite.DefaultIfEmpty(0).Min());
        var high = Math.Max(0, finite.DefaultIfEmpty(0).Max());
        if (high - low < 1e-9)
        {
            high = low + 1;
        }
        var raw = (high - low) / 4;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(f => f * magnitude).First(s => s >= raw - 1e-12);
        return (Math.Floor(low / step) * step, Math.Ceiling(high / step) * step, step);
    }

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
