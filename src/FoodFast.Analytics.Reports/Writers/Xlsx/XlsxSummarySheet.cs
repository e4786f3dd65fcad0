using FoodFast.Analytics.Reports.Documents;

namespace FoodFast.Analytics.Reports.Writers.Xlsx;

/// <summary>The first sheet: title, shop, period, parameters, KPIs and each table's totals.</summary>
internal static class XlsxSummarySheet
{
    public const string Name = "Summary";

    public static void Write(XlsxPackage package, ReportDocument document, XlsxStyles styles)
    {
        using var sheet = package.AddSheet(Name, [30, 50, 16], dataSheet: false);
        sheet.WriteRow([XlsxCells.Text(document.Title, XlsxStyles.Title)]);
        sheet.WriteRow([]);
        sheet.WriteRow([XlsxCells.Text("Shop", XlsxStyles.Header), XlsxCells.Text(document.ShopId)]);
        sheet.WriteRow([XlsxCells.Text("Period", XlsxStyles.Header), XlsxCells.Text(document.Period.Describe())]);
        if (document.Parameters.Count > 0)
        {
            sheet.WriteRow([]);
            sheet.WriteRow([XlsxCells.Text("Parameter", XlsxStyles.Header), XlsxCells.Text("Value", XlsxStyles.Header)]);
            foreach (var (key, value) in document.Parameters)
            {
                sheet.WriteRow([XlsxCells.Text(key), XlsxCells.Text(value)]);
            }
        }
        if (document.Kpis.Count > 0)
        {
            sheet.WriteRow([]);
            sheet.WriteRow([XlsxCells.Text("KPI", XlsxStyles.Header), XlsxCells.Text("Value", XlsxStyles.Header), XlsxCells.Text("Change", XlsxStyles.Header)]);
            foreach (var kpi in document.Kpis)
            {
                sheet.WriteRow([XlsxCells.Text(kpi.Label), XlsxCells.Text(kpi.Value), XlsxCells.Text(kpi.Delta ?? "")]);
            }
        }
        foreach (var table in document.Tables.Where(t => t.Totals is not null))
        {
            sheet.WriteRow([]);
            sheet.WriteRow([XlsxCells.Text($"Totals: {table.Name}", XlsxStyles.Header)]);
            foreach (var (column, total) in table.Columns.Zip(table.Totals!).Where(pair => pair.Second is not null))
            {
                sheet.WriteRow([XlsxCells.Text(column.Name), XlsxCells.Typed(column, total, styles.For(column), document.Period)]);
            }
        }
        sheet.Finish();
    }
}
