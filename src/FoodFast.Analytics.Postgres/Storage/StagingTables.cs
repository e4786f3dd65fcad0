using FoodFast.Analytics.Core.Orders;
using FoodFast.Analytics.Core.Wire;
using Npgsql;
using NpgsqlTypes;

namespace FoodFast.Analytics.Postgres.Storage;

/// <summary>Binary COPY of a batch of orders into temporary staging tables, emptied when the transaction ends.</summary>
internal static class StagingTables
{
    /// <summary>
    /// The staging tables, created once per session (the sink's connections keep theirs when pooled) and emptied at
    /// every commit. A rolled-back first batch takes the tables with it; the next batch creates them again.
    /// </summary>
    private const string CreateSql = """
        set local client_min_messages = warning;
        create temp table if not exists stage_orders (seq int, shop_id text, order_id text, customer_id text, status text,
            created_at timestamptz, updated_at timestamptz, currency text, channel text, payment_method text, country text,
            city text, lat double precision, lon double precision, coupon_code text, subtotal numeric, discount numeric,
            tax numeric, shipping numeric, total numeric, units int, line_count int) on commit delete rows;
        create temp table if not exists stage_items (seq int, shop_id text, order_id text, line_no int, product_id text,
            product_name text, category text, brand text, quantity int, unit_price numeric, unit_cost numeric,
            line_total numeric) on commit delete rows;
        create temp table if not exists landed_orders (shop_id text, order_id text, seq int) on commit delete rows;
        """;

    /// <summary>Makes sure this session has its staging tables; call inside the batch's transaction.</summary>
    public static async Task EnsureAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var create = new NpgsqlCommand(CreateSql, connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task CopyOrdersAsync(NpgsqlConnection connection, IReadOnlyList<Order> orders, CancellationToken cancellationToken)
    {
        await using (var writer = await connection.BeginBinaryImportAsync("copy stage_orders from stdin (format binary)", cancellationToken))
        {
            for (var seq = 0; seq < orders.Count; seq++)
            {
                var o = orders[seq];
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(seq, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(o.ShopId, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(o.OrderId, NpgsqlDbType.Text, cancellationToken);
                await WriteNullableAsync(writer, o.CustomerId, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(WireNames.Of(o.Status), NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(o.CreatedAt.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync(o.UpdatedAt.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync(o.Currency, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(WireNames.Of(o.Channel), NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(WireNames.Of(o.PaymentMethod), NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(o.Country, NpgsqlDbType.Text, cancellationToken);
                await WriteNullableAsync(writer, o.City, NpgsqlDbType.Text, cancellationToken);
                await WriteNullableAsync(writer, o.Location?.Lat, NpgsqlDbType.Double, cancellationToken);
                await WriteNullableAsync(writer, o.Location?.Lon, NpgsqlDbType.Double, cancellationToken);
                await WriteNullableAsync(writer, o.CouponCode, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(o.Subtotal, NpgsqlDbType.Numeric, cancellationToken);
                await writer.WriteAsync(o.Discount, NpgsqlDbType.Numeric, cancellationToken);
                await writer.WriteAsync(o.Tax, NpgsqlDbType.Numeric, cancellationToken);
                await writer.WriteAsync(o.Shipping, NpgsqlDbType.Numeric, cancellationToken);
                await writer.WriteAsync(o.Total, NpgsqlDbType.Numeric, cancellationToken);
                await writer.WriteAsync(o.Items.Sum(i => i.Quantity), NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(o.Items.Count, NpgsqlDbType.Integer, cancellationToken);
            }
            await writer.CompleteAsync(cancellationToken);
        }

        await using (var writer = await connection.BeginBinaryImportAsync("copy stage_items from stdin (format binary)", cancellationToken))
        {
            for (var seq = 0; seq < orders.Count; seq++)
            {
                var o = orders[seq];
                for (var line = 0; line < o.Items.Count; line++)
                {
                    var i = o.Items[line];
                    await writer.StartRowAsync(cancellationToken);
                    await writer.WriteAsync(seq, NpgsqlDbType.Integer, cancellationToken);
                    await writer.WriteAsync(o.ShopId, NpgsqlDbType.Text, cancellationToken);
                    await writer.WriteAsync(o.OrderId, NpgsqlDbType.Text, cancellationToken);
                    await writer.WriteAsync(line + 1, NpgsqlDbType.Integer, cancellationToken);
                    await writer.WriteAsync(i.ProductId, NpgsqlDbType.Text, cancellationToken);
                    await writer.WriteAsync(i.ProductName, NpgsqlDbType.Text, cancellationToken);
                    await writer.WriteAsync(i.Category, NpgsqlDbType.Text, cancellationToken);
                    await WriteNullableAsync(writer, i.Brand, NpgsqlDbType.Text, cancellationToken);
                    await writer.WriteAsync(i.Quantity, NpgsqlDbType.Integer, cancellationToken);
                    await writer.WriteAsync(i.UnitPrice, NpgsqlDbType.Numeric, cancellationToken);
                    await WriteNullableAsync(writer, i.UnitCost, NpgsqlDbType.Numeric, cancellationToken);
                    await writer.WriteAsync(i.LineTotal, NpgsqlDbType.Numeric, cancellationToken);
                }
            }
            await writer.CompleteAsync(cancellationToken);
        }
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? writer.WriteNullAsync(cancellationToken) : writer.WriteAsync(value, type, cancellationToken);
}
