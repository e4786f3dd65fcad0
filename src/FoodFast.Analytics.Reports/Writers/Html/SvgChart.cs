using System.Globalization;
using FoodFast.Analytics.Reports.Documents;

namespace FoodFast.Analytics.Reports.Writers.Html;

/// <summary>Draws a line or bar chart as inline SVG: a y grid of round steps through zero, thinned x labels, a legend.</summary>
internal static class SvgChart
{
    private const double Width = 720, Height = 220, Left = 52, Right = 12, Top = 30, Bottom = 34;
    private const double PlotWidth = Width - Left - Right, PlotHeight = Height - Top - Bottom;
    private const int MaxLabels = 12;
    private static readonly string[] Palette = ["#2563eb", "#f97316", "#16a34a", "#9333ea", "#dc2626", "#0891b2"];

    public static void Write(TextWriter html, ReportChart chart)
    {
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
            var label = chart.Labels[i].Length > 14 ? chart.Labels[i][..13] + "…" : chart.Labels[i];
            html.Write($"<text x=\"{N(Center(i, n))}\" y=\"{N(Top + PlotHeight + 16)}\" text-anchor=\"middle\" fill=\"#4b5563\">{HtmlText.Encode(label)}</text>");
        }
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var color = Palette[s % Palette.Length];
            var values = chart.Series[s].Values;
            if (chart.Kind == ChartKind.Line)
            {
                var points = string.Join(' ', values.Take(n).Select((v, i) => $"{N(Center(i, n))},{N(Y(double.IsFinite(v) ? v : 0))}"));
                html.Write($"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" points=\"{points}\"/>");
            }
            else
            {
                var band = PlotWidth / Math.Max(n, 1);
                var barWidth = band * 0.8 / chart.Series.Count;
                for (var i = 0; i < Math.Min(n, values.Count); i++)
                {
                    var value = double.IsFinite(values[i]) ? values[i] : 0;
                    var top = Y(Math.Max(value, 0));
                    var height = Math.Abs(Y(value) - Y(0));
                    html.Write($"<rect x=\"{N(Left + (band * i) + (band * 0.1) + (s * barWidth))}\" y=\"{N(top)}\" width=\"{N(barWidth)}\" height=\"{N(height)}\" fill=\"{color}\"/>");
                }
            }
            var legendX = Left + (s * 150);
            html.Write($"<rect x=\"{N(legendX)}\" y=\"8\" width=\"10\" height=\"10\" fill=\"{color}\"/>");
            html.Write($"<text x=\"{N(legendX + 14)}\" y=\"17\" fill=\"#374151\">{HtmlText.Encode(chart.Series[s].Name)}</text>");
        }
        html.Write($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{N(Y(0))}\" y2=\"{N(Y(0))}\" stroke=\"#9ca3af\"/>");
        html.Write("</svg>");
    }

    // Points sit in the middle of their band, for lines as for bars, so the first and last labels are never clipped.
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
