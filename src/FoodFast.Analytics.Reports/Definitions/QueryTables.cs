using System.Globalization;
using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Reports.Documents;

namespace FoodFast.Analytics.Reports.Definitions;

/// <summary>Lays query results out in report shapes: tables with typed columns, KPI tiles, charts.</summary>
public static class QueryTables
{
    /// <summary>
    /// The result as a table of typed columns: money in the result's currency (with no currency named when the rows
    /// span several; the currency column beside says which), counts and whole quantities as integers, day, week,
    /// month, quarter and year buckets as dates.
    /// </summary>
    public static ReportTable Table(string name, QueryResult result)
    {
        var currencies = Currencies(result);
        var columns = result.Columns.Select((c, i) => Column(result, i, c.Name, currencies)).ToList();
        return new ReportTable(name, columns, Rows(result, columns));
    }

    /// <summary>One tile per metric and currency row of a single-row-per-currency result, named in words: "Revenue (EUR)" holds money, "Orders" a count.</summary>
    public static IEnumerable<KpiTile> Kpis(QueryResult result, params string[] metrics)
    {
        var currency = IndexOf(result, "currency");
        var several = Currencies(result).Count > 1;
        foreach (var row in result.Rows)
        {
            var code = currency >= 0 ? row[currency].Text : null;
            foreach (var metric in metrics)
            {
                var index = IndexOf(result, metric);
                if (index < 0)
                {
                    continue;
                }
                var type = Column(result, index, metric, code is null ? [] : [code]);
                var words = MetricWords.For(metric);
                // Counts of several currencies' rows need telling apart too; money always names its currency.
                var label = type.Type == ColumnType.Money || several ? $"{words} ({code})" : words;
                yield return new KpiTile(type with { Name = code is null ? words : label }, row[index].Value);
            }
        }
    }

    /// <summary>A chart of one metric over the first column (bucket or dimension), for the rows of the first currency.</summary>
    public static ReportChart Chart(string title, ChartKind kind, QueryResult result, string metric, int labelColumn = 0)
    {
        var currency = IndexOf(result, "currency");
        var first = currency >= 0 ? result.Rows.Select(r => r[currency].Text).FirstOrDefault() : null;
        var rows = result.Rows.Where(r => currency < 0 || r[currency].Text == first).ToList();
        var index = IndexOf(result, metric);
        var labels = rows.Select(r => r[labelColumn].ToString()).ToList();
        var values = rows.Select(r => (double)(r[index].Number ?? 0m)).ToList();
        var name = first is { } code ? $"{metric} ({code})" : metric;
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

    private static ReportColumn Column(QueryResult result, int index, string name, List<string> currencies) => result.Columns[index].Type switch
    {
        "count" => new(name, ColumnType.Integer),
        "money" or "previous" => ReportColumn.Money(name, currencies.Count == 1 ? currencies[0] : ""),
        "quantity" => new(name, result.Rows.All(r => r[index].Number is not { } n || n == decimal.Truncate(n)) ? ColumnType.Integer : ColumnType.Decimal),
        "ratio" or "change" => new(name, ColumnType.Percent),
        "day" or "week" or "month" or "quarter" or "year" => new(name, ColumnType.Date),
        _ => new(name, ColumnType.Text),
    };

    private static List<string> Currencies(QueryResult result)
    {
        var currency = IndexOf(result, "currency");
        return currency < 0 ? [] : result.Rows.Select(r => r[currency].Text).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
    }

    private static async IAsyncEnumerable<object?[]> Rows(QueryResult result, List<ReportColumn> columns)
    {
        foreach (var row in result.Rows)
        {
            var typed = new object?[row.Count];
            for (var i = 0; i < typed.Length; i++)
            {
                // Bucket keys are the local start day, "yyyy-MM-dd".
                typed[i] = columns[i].Type == ColumnType.Date && row[i].Text is { } day
                    ? DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : row[i].Value;
            }
            yield return typed;
        }
        await Task.CompletedTask;
    }
}
