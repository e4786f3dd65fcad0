using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Storage;

namespace FoodFast.Analytics.Postgres.Exports;

/// <summary>
/// One dataset's export: its table, time column, tie-break and columns, from which both the row query and the
/// COPY that makes the CSV are built, so the two read the same rows in the same order.
/// </summary>
internal sealed record ExportedTable(string Name, string Time, string Id, IReadOnlyList<ExportedColumn> Columns)
{
    public static readonly ExportedTable Orders = new("orders", "created_at", "order_id",
    [
        Text("shop_id"), Text("order_id"), Text("customer_id"), Text("status"), Instant("created_at"), Instant("updated_at"), Text("currency"),
        Text("channel"), Text("payment_method"), Text("country"), Text("city"), Text("coupon_code"), Plain("subtotal"), Plain("discount"),
        Plain("tax"), Plain("shipping"), Plain("total"), Plain("units"), Plain("line_count"),
    ]);

    public static readonly ExportedTable OrderItems = new("order_items", "created_at", "order_id, line_no",
    [
        Text("shop_id"), Text("order_id"), Plain("line_no"), Text("product_id"), Text("product_name"), Text("category"), Text("brand"),
        Plain("quantity"), Plain("unit_price"), Plain("unit_cost"), Plain("line_total"), Text("customer_id"), Text("status"),
        Instant("created_at"), Text("currency"), Text("country"), Text("channel"),
    ]);

    public static readonly ExportedTable Events = new("events", "occurred_at", "event_id",
    [
        Plain("event_id"), Text("shop_id"), Instant("occurred_at"), Text("category"), Text("type"), Text("user_id"), Text("session_id"),
        Text("product_id"), Text("product_name"), Text("product_category"), Plain("quantity"), Plain("value"), Text("currency"),
        Text("order_id"), Text("query"), Text("device"), Text("country"),
    ]);

    public static ExportedTable Of(string dataset) => dataset switch
    {
        Datasets.Orders => Orders,
        Datasets.OrderItems => OrderItems,
        Datasets.Events => Events,
        _ => throw new ArgumentOutOfRangeException(nameof(dataset), dataset, "not an exportable dataset"),
    };

    public string ColumnList => string.Join(", ", Columns.Select(c => c.Name));

    /// <summary>The row query: the shop and the range are parameters (@from, @to, @shop).</summary>
    public string Select(ExportRange range) => Query(ColumnList, "@from", "@to", range.ShopId is null ? null : "@shop");

    /// <summary>
    /// COPY cannot take parameters, so the shop and the range are literals here (<see cref="Literal"/>). Run it with
    /// <c>DateStyle</c> ISO (<see cref="IsoDates"/>). Each column is
    /// written as the report CSV writer writes it: empty text as null (an empty, unquoted field, where COPY would write
    /// <c>""</c>), instants as ISO-8601 UTC with <c>Z</c> and no trailing zeros in the fraction.
    /// </summary>
    public string CopyCsv(ExportRange range)
    {
        var columns = string.Join(", ", Columns.Select(c => c.Kind switch
        {
            ColumnKind.Text => $"nullif({c.Name}, '')",
            // A timestamp's ISO text (DateStyle ISO, set by the caller) has no trailing zeros in its fraction; to_char
            // would need two rtrims and made the whole COPY a third slower.
            ColumnKind.Instant => $"replace(({c.Name} at time zone 'UTC')::text, ' ', 'T') || 'Z'",
            _ => c.Name,
        }));
        var query = Query(columns, Literal(range.From), Literal(range.To), range.ShopId is { } shop ? Literal(shop) : null);
        return $"copy ({query}) to stdout with (format csv)";
    }

    // One shape for both: the same rows in the same order, whether the range comes as parameters or as literals.
    private string Query(string columns, string from, string to, string? shop) =>
        $"select {columns} from {Name} where {Time} >= {from} and {Time} < {to}"
        + (shop is null ? "" : $" and shop_id = {shop}")
        + $" order by {Time}, shop_id, {Id}";

    /// <summary>The session setting the instants' text relies on ("2026-01-02 10:00:00.5"), whatever the server's default.</summary>
    public const string IsoDates = "set datestyle = 'ISO, YMD'";

    // With standard_conforming_strings (on since PostgreSQL 9.1, and required by Npgsql) a quote doubled is the only escape.
    private static string Literal(string text) => text.Contains('\0')
        ? throw new ArgumentException("text cannot hold a NUL character", nameof(text))
        : $"'{text.Replace("'", "''", StringComparison.Ordinal)}'";

    private static string Literal(DateTimeOffset instant) => $"'{instant.UtcDateTime:O}'::timestamptz";

    private static ExportedColumn Text(string name) => new(name, ColumnKind.Text);

    private static ExportedColumn Instant(string name) => new(name, ColumnKind.Instant);

    private static ExportedColumn Plain(string name) => new(name, ColumnKind.Plain);
}

internal sealed record ExportedColumn(string Name, ColumnKind Kind);

/// <summary>How COPY must write a column to match the report CSV: text, an instant, or as PostgreSQL prints it (numbers, uuid).</summary>
internal enum ColumnKind
{
    Text,
    Instant,
    Plain,
}
