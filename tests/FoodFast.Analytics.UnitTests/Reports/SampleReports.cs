using FoodFast.Analytics.Reports.Documents;
using FoodFast.Analytics.Reports.Writers;

namespace FoodFast.Analytics.UnitTests.Reports;

/// <summary>Report documents with the awkward values every writer must survive: quotes, commas, line breaks, three scripts.</summary>
internal static class SampleReports
{
    public static readonly string[] Products = ["Käsespätzle", "Crème brûlée, \"classic\"", "抹茶アイス\nmatcha"];

    public static readonly ReportColumn[] Columns =
    [
        new("Order", ColumnType.Text),
        new("Product", ColumnType.Text),
        new("Quantity", ColumnType.Integer),
        ReportColumn.Money("Unit price", "EUR"),
        new("Discount", ColumnType.Percent),
        new("Ordered on", ColumnType.Date),
        new("Created at", ColumnType.DateTime),
        new("Weight (kg)", ColumnType.Decimal),
    ];

    /// <summary>Row n (from 1): order "A-n", product n cycling through <see cref="Products"/>, one day and one hour apart.</summary>
    public static object?[] Row(int n) =>
    [
        $"A-{n}",
        Products[(n - 1) % Products.Length],
        n,
        12.50m + n,
        n % 2 == 0 ? null : 0.125m,
        new DateOnly(2026, 11, 3).AddDays(n - 1),
        new DateTimeOffset(2026, 11, 3, 9, 15, 30, TimeSpan.Zero).AddHours(n - 1),
        0.75m * n,
    ];

    public static ReportDocument Orders(int rows, RowCounter? counter = null, IReadOnlyList<object?[]>? extraRows = null) => new()
    {
        Title = "Sales summary — November 2026",
        ShopId = "shop-42",
        Period = new ReportPeriod(
            new DateTimeOffset(2026, 10, 31, 23, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 30, 23, 0, 0, TimeSpan.Zero), "Europe/Berlin"),
        Parameters = [new("currency", "EUR"), new("group by", "product & day")],
        Kpis =
        [
            new(ReportColumn.Money("Revenue", "EUR"), 12480.5m, "+4.2 %"),
            new(new ReportColumn("Orders", ColumnType.Integer), 1284L, "-1.5 %"),
            new(ReportColumn.Money("Average order", "EUR"), 9.72m),
        ],
        Charts =
        [
            new ReportChart("Revenue per day", ChartKind.Line, ["Nov 1", "Nov 2", "Nov 3", "Nov 4"], [new ChartSeries("Revenue", [310.5, 420, 388.25, 512])]),
            new ReportChart("Orders per channel", ChartKind.Bar, ["web", "app", "marketplace"],
                [new ChartSeries("This month", [620, 540, 124]), new ChartSeries("Last month", [600, 510, 140])]),
        ],
        Tables =
        [
            new ReportTable("Orders", Columns, Stream(Enumerable.Range(1, rows).Select(Row).Concat(extraRows ?? []), counter))
            {
                Totals = [null, null, 7771, 98765.43m, null, null, null, null],
            },
        ],
    };

    public static async IAsyncEnumerable<object?[]> Stream(IEnumerable<object?[]> rows, RowCounter? counter = null)
    {
        foreach (var row in rows)
        {
            await Task.Yield();
            counter?.Read();
            yield return row;
        }
    }
}

/// <summary>How many rows a writer pulled from the source.</summary>
internal sealed class RowCounter
{
    public int Rows { get; private set; }

    public void Read() => Rows++;
}

/// <summary>Records progress synchronously, in order (the framework's Progress&lt;T&gt; posts to the thread pool).</summary>
internal sealed class RecordingProgress : IProgress<ReportProgress>
{
    public List<long> Reports { get; } = [];

    public void Report(ReportProgress value) => Reports.Add(value.RowsWritten);
}
