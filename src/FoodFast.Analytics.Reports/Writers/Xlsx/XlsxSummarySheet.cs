using FoodFast.Analytics.Reports.Documents;

namespace FoodFast.Analytics.Reports.Writers.Xlsx;

/// <summary>The first sheet: title, shop, period, parameters, KPIs and each table's totals.</summary>
internal static class XlsxSummarySheet
{
    public const string Name = "Summary";

    public static void Write(XlsxPackage package, ReportDocument document, XlsxStyles styles)
    {
        using var sheet = package.AddSheet(Name, [30, 50, 16], dataSheet: false, document.Period);
        sheet.WriteRow([XlsxCell.Text(document.Title, XlsxStyles.Title)]);
        sheet.WriteRow([]);
        sheet.WriteRow([XlsxCell.Text("Shop", XlsxStyles.Header), XlsxCell.Text(document.ShopId)]);
        sheet.WriteRow([XlsxCell.Text("Period", XlsxStyles.Header), XlsxCell.Text(document.Period.Describe())]);
        if (document.Parameters.Count > 0)
        {
            sheet.WriteRow([]);
            sheet.WriteRow([XlsxCell.Text("Parameter", XlsxStyles.Header), XlsxCell.Text("Value", XlsxStyles.Header)]);
            foreach (var (key, value) in document.Parameters)
            {
                sheet.WriteRow([XlsxCell.Text(key), XlsxCell.Text(value)]);
            }
        }
        if (document.Kpis.Count > 0)
        {
            sheet.WriteRow([]);
            sheet.WriteRow([XlsxCell.Text("KPI", XlsxStyles.Header), XlsxCell.Text("Value", XlsxStyles.Header), XlsxCell.Text("Change", XlsxStyles.Header)]);
            foreach (var kpi in document.Kpis)
            {
                sheet.WriteRow([XlsxCell.Text(kpi.Label), new XlsxCell(kpi.Value, kpi.Column.Type, styles.For(kpi.Column)), XlsxCell.Text(kpi.Delta ?? "")]);
            }
        }
        foreach (var table in document.Tables.Where(t => t.Totals is not null))
        {
            sheet.WriteRow([]);
            sheet.WriteRow([XlsxCell.Text($"Totals: {table.Name}", XlsxStyles.Header)]);
            foreach (var (column, total) in table.Columns.Zip(table.Totals!).Where(pair => pair.Second is not null))
            {
                sheet.WriteRow([XlsxCell.Text(column.Name), new XlsxCell(total, column.Type, styles.For(column))]);
            }
        }
        sheet.Finish();
    }
}
