using System.Runtime.CompilerServices;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Reports.Documents;

namespace FoodFast.Analytics.Reports.Definitions;

/// <summary>
/// The columns of each raw dataset and its rows as report rows, read from the export source. Used by the raw
/// report kinds and by the streaming exports, so a column is named once.
/// </summary>
public static class ExportTables
{
    public static readonly IReadOnlyList<ReportColumn> OrderColumns =
    [
        new("shop_id", ColumnType.Text), new("order_id", ColumnType.Text), new("customer_id", ColumnType.Text), new("status", ColumnType.Text),
        new("created_at", ColumnType.DateTime), new("updated_at", ColumnType.DateTime), new("currency", ColumnType.Text), new("channel", ColumnType.Text),
        new("payment_method", ColumnType.Text), new("country", ColumnType.Text), new("city", ColumnType.Text), new("coupon_code", ColumnType.Text),
        new("subtotal", ColumnType.Decimal), new("discount", ColumnType.Decimal), new("tax", ColumnType.Decimal), new("shipping", ColumnType.Decimal),
        new("total", ColumnType.Decimal), new("units", ColumnType.Integer), new("line_count", ColumnType.Integer),
    ];

    public static readonly IReadOnlyList<ReportColumn> OrderItemColumns =
    [
        new("shop_id", ColumnType.Text), new("order_id", ColumnType.Text), new("line_no", ColumnType.Integer), new("product_id", ColumnType.Text),
        new("product_name", ColumnType.Text), new("category", ColumnType.Text), new("brand", ColumnType.Text), new("quantity", ColumnType.Integer),
        new("unit_price", ColumnType.Decimal), new("unit_cost", ColumnType.Decimal), new("line_total", ColumnType.Decimal),
        new("customer_id", ColumnType.Text), new("status", ColumnType.Text), new("created_at", ColumnType.DateTime), new("currency", ColumnType.Text),
        new("country", ColumnType.Text), new("channel", ColumnType.Text),
    ];

    public static readonly IReadOnlyList<ReportColumn> EventColumns =
    [
        new("event_id", ColumnType.Text), new("shop_id", ColumnType.Text), new("occurred_at", ColumnType.DateTime), new("category", ColumnType.Text),
        new("type", ColumnType.Text), new("user_id", ColumnType.Text), new("session_id", ColumnType.Text), new("product_id", ColumnType.Text),
        new("product_name", ColumnType.Text), new("product_category", ColumnType.Text), new("quantity", ColumnType.Integer),
        new("value", ColumnType.Decimal), new("currency", ColumnType.Text), new("order_id", ColumnType.Text), new("query", ColumnType.Text),
        new("device", ColumnType.Text), new("country", ColumnType.Text),
    ];

    public static object?[] Row(ExportedOrder o) =>
    [
        o.ShopId, o.OrderId, o.CustomerId, o.Status, o.CreatedAt, o.UpdatedAt, o.Currency, o.Channel, o.PaymentMethod, o.Country, o.City,
        o.CouponCode, o.Subtotal, o.Discount, o.Tax, o.Shipping, o.Total, o.Units, o.LineCount,
    ];

    public static object?[] Row(ExportedOrderItem i) =>
    [
        i.ShopId, i.OrderId, i.LineNo, i.ProductId, i.ProductName, i.Category, i.Brand, i.Quantity, i.UnitPrice, i.UnitCost, i.LineTotal,
        i.CustomerId, i.Status, i.CreatedAt, i.Currency, i.Country, i.Channel,
    ];

    public static object?[] Row(ExportedEvent e) =>
    [
        e.EventId.ToString(), e.ShopId, e.OccurredAt, e.Category, e.Type, e.UserId, e.SessionId, e.ProductId, e.ProductName, e.ProductCategory,
        e.Quantity, e.Value, e.Currency, e.OrderId, e.Query, e.Device, e.Country,
    ];

    /// <summary>
    /// The dataset's table: its rows read ahead of the writer (<see cref="ReadAhead"/>) and, unless
    /// <paramref name="slowRowsBy"/> asks for the rows path alone, the store's own CSV of them. <paramref name="onRow"/>
    /// sees each row's time as it is read (for progress).
    /// </summary>
    public static ReportTable Table(string name, string dataset, IExportSource source, ExportRange range, Action<DateTimeOffset>? onRow,
        CancellationToken cancellationToken, int slowRowsBy = 0)
    {
        var (columns, rows) = dataset switch
        {
            Core.Queries.Datasets.Orders => (OrderColumns, Map(source.OrdersAsync(range, cancellationToken), o => (o.CreatedAt, Row(o)), onRow, cancellationToken)),
            Core.Queries.Datasets.OrderItems => (OrderItemColumns, Map(source.OrderItemsAsync(range, cancellationToken), i => (i.CreatedAt, Row(i)), onRow, cancellationToken)),
            Core.Queries.Datasets.Events => (EventColumns, Map(source.EventsAsync(range, cancellationToken), e => (e.OccurredAt, Row(e)), onRow, cancellationToken)),
            _ => throw new ArgumentOutOfRangeException(nameof(dataset), dataset, "not an exportable dataset"),
        };
        rows = ReadAhead.Of(rows, batchSize: 512, batches: 4, cancellationToken);
        if (slowRowsBy > 0)
        {
            return new ReportTable(name, columns, Slowed(rows, slowRowsBy, cancellationToken));
        }
        var timeColumn = columns.ToList().FindIndex(c => c.Type == ColumnType.DateTime);
        return new ReportTable(name, columns, rows) { StoreCsv = new StoreCsv(ct => source.OpenCsvAsync(dataset, range, ct), timeColumn, onRow) };
    }

    /// <summary>Rows held back by <paramref name="delay"/> ms each, so tests can catch a report while it runs.</summary>
    private static async IAsyncEnumerable<object?[]> Slowed(IAsyncEnumerable<object?[]> rows, int delay,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await Task.Delay(delay, cancellationToken);
            yield return row;
        }
    }

    private static async IAsyncEnumerable<object?[]> Map<T>(IAsyncEnumerable<T> rows, Func<T, (DateTimeOffset At, object?[] Row)> map,
        Action<DateTimeOffset>? onRow, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var item in rows.WithCancellation(cancellationToken))
        {
            var (at, row) = map(item);
            onRow?.Invoke(at);
            yield return row;
        }
    }
}
