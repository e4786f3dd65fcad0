using System.Globalization;
using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Reports.Documents;

namespace FoodFast.Analytics.Reports.Definitions;

/// <summary>Lays query results out in report shapes: tables with typed columns, KPI tiles, charts.</summary>
public static class QueryTables
{
    /// <summary>The result as a table; money columns stay plain decimals because rows may differ in currency.</summary>
    public static ReportTable Table(string name, QueryResult result)
    {
        var columns = result.Columns.Select(c => new ReportColumn(c.Name, TypeOf(c.Type))).ToList();
        return new ReportTable(name, columns, Rows(result));
    }

    /// <summary>One tile per metric and currency row of a single-row-per-currency result ("revenue (EUR)").</summary>
    public static IEnumerable<KpiTile> Kpis(QueryResult result, params string[] metrics)
    {
        var currency = IndexOf(result, "currency");
        foreach (var row in result.Rows)
        {
            var suffix = currency >= 0 && row[currency] is string code ? $" ({code})" : "";
            foreach (var metric in metrics)
            {
                var index = IndexOf(result, metric);
                if (index >= 0)
                {
                    yield return new KpiTile(metric + suffix, Format(row[index]));
                }
            }
        }
    }

    /// <summary>A chart of one metric over the first column (bucket or dimension), for the rows of the first currency.</summary>
    public static ReportChart Chart(string title, ChartKind kind, QueryResult result, string metric, int labelColumn = 0)
    {
        var currency = IndexOf(result, "currency");
        var first = currency >= 0 ? result.Rows.Select(r => r[currency]).FirstOrDefault() : null;
        var rows = result.Rows.Where(r => currency < 0 || Equals(r[currency], first)).ToList();
        var index = IndexOf(result, metric);
        var labels = rows.Select(r => Convert.ToString(r[labelColumn], CultureInfo.InvariantCulture) ?? "").ToList();
        var values = rows.Select(r => r[index] is { } v ? Convert.ToDouble(v, CultureInfo.InvariantCulture) : 0d).ToList();
        var name = first is string code ? $"{metric} ({code})" : metric;
        return new ReportChart(title, kind, labels, [new ChartSeries(name, values)]);
    }

    public static int IndexOf(QueryResult result, string column)
    {
        for (var i = 0; i < result.Columns.Count; i++)
        {
            if (result.Columns[i].Name == column)
            {
                return i;
            }
        }
        return -1;
    }

    private static ColumnType TypeOf(string resultType) => resultType switch
    {
        "count" => ColumnType.Integer,
        "money" or "quantity" or "previous" => ColumnType.Decimal,
        "ratio" or "change" => ColumnType.Percent,
        _ => ColumnType.Text,
    };

    private static string Format(object? value) => value switch
    {
        null => "–",
        decimal d => d.ToString("#,##0.##", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static async IAsyncEnumerable<object?[]> Rows(QueryResult result)
    {
        foreach (var row in result.Rows)
        {
            yield return [.. row];
        }
        await Task.CompletedTask;
    }
}
