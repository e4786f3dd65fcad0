namespace FoodFast.Analytics.Reports.Writers.Html;

/// <summary>The report's CSS: A4 pages numbered by margin boxes, header rows repeated on every printed page.</summary>
internal static class ReportStyleSheet
{
    // DejaVu Sans covers Latin (German, French); Noto Sans CJK JP fills in Japanese glyph by glyph.
    public const string Fonts = "\"DejaVu Sans\", \"Noto Sans\", \"Noto Sans CJK JP\", \"Liberation Sans\", Arial, sans-serif";

    public const string Css = $$"""
        @page {
          size: A4;
          margin: 14mm 12mm 18mm;
          @bottom-center { content: "Page " counter(page) " of " counter(pages); font: 8pt {{Fonts}}; color: #6b7280; }
        }
        * { box-sizing: border-box; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { font-family: {{Fonts}}; font-size: 9.5pt; color: #1f2937; margin: 0; line-height: 1.35; }
        @media screen { body { max-width: 1120px; margin: 24px auto; padding: 0 16px; } }
        h1 { font-size: 20pt; margin: 0 0 4px; color: #111827; }
        h2 { font-size: 12pt; margin: 18px 0 6px; color: #111827; border-bottom: 2px solid #e5e7eb; padding-bottom: 3px; }
        .meta { color: #4b5563; margin: 0 0 10px; }
        table { border-collapse: collapse; width: 100%; }
        table.parameters { width: auto; }
        table.parameters th { text-align: left; font-weight: 600; padding: 2px 16px 2px 0; color: #4b5563; }
        table.parameters td { padding: 2px 0; }
        .kpis { display: flex; flex-wrap: wrap; gap: 8px; margin: 12px 0; }
        .kpi { flex: 1 1 150px; border: 1px solid #e5e7eb; border-radius: 6px; padding: 8px 10px; background: #f9fafb; break-inside: avoid; }
        .kpi-label { font-size: 8pt; color: #6b7280; text-transform: uppercase; letter-spacing: .03em; }
        .kpi-value { font-size: 15pt; font-weight: 700; color: #111827; }
        .kpi-delta { font-size: 8.5pt; color: #4b5563; }
        .kpi-delta.up { color: #15803d; }
        .kpi-delta.down { color: #b91c1c; }
        figure.chart { margin: 10px 0; break-inside: avoid; }
        figure.chart figcaption { font-weight: 600; margin-bottom: 4px; }
        figure.chart svg { width: 100%; height: auto; }
        table.data { font-size: 8.5pt; }
        table.data thead { display: table-header-group; }
        table.data tfoot { display: table-row-group; }
        table.data th { background: #1f2937; color: #fff; text-align: left; padding: 4px 6px; font-weight: 600; }
        table.data td { padding: 3px 6px; border-bottom: 1px solid #e5e7eb; }
        table.data tbody tr:nth-child(even) td { background: #f9fafb; }
        table.data tfoot td { font-weight: 700; border-top: 2px solid #1f2937; border-bottom: none; }
        table.data tr { break-inside: avoid; }
        .num { text-align: right !important; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .when { white-space: nowrap; }
        .note { color: #6b7280; font-style: italic; margin: 6px 0; }
        """;
}
