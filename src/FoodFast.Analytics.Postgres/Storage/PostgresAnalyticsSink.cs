using FoodFast.Analytics.Core.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace FoodFast.Analytics.Postgres.Storage;

/// <summary>
/// Writes batches with one set-based statement each: events inserted if absent by <c>(shop_id, event_id)</c>
/// (<see cref="EventRows"/>); orders, copied into temporary staging tables (<see cref="StagingTables"/>), replace the
/// stored copy only when the incoming <c>updated_at</c> is not older, and their lines are rewritten with them.
/// A batch that fails on its data is retried item by item, so one poison item is rejected alone.
/// </summary>
public sealed class PostgresAnalyticsSink(AnalyticsDatabase database, ILogger<PostgresAnalyticsSink> logger) : IAnalyticsSink
{
    public async Task<IReadOnlyList<SinkOutcome>> WriteAsync(IReadOnlyList<SinkItem> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return [];
        }
        try
        {
            return await WriteAllAsync(batch, cancellationToken);
        }
        catch (PostgresException ex) when (IsDataError(ex) && batch.Count > 1)
        {
            logger.LogWarning("Batch of {Count} failed on its data ({Error}); writing item by item", batch.Count, ex.MessageText);
            var outcomes = new List<SinkOutcome>(batch.Count);
            foreach (var item in batch)
            {
                outcomes.Add((await WriteAsync([item], cancellationToken))[0]);
            }
            return outcomes;
        }
        catch (PostgresException ex) when (IsDataError(ex))
        {
            return [SinkOutcome.Reject($"{ex.SqlState}: {ex.MessageText}")];
        }
    }

    private async Task<IReadOnlyList<SinkOutcome>> WriteAllAsync(IReadOnlyList<SinkItem> batch, CancellationToken cancellationToken)
    {
        await using var connection = await database.Writer.OpenConnectionAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var outcomes = await WriteOnAsync(connection, batch, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return outcomes;
    }

    /// <summary>Writes the batch inside the connection's open transaction; the caller commits.</summary>
    internal static async Task<IReadOnlyList<SinkOutcome>> WriteOnAsync(NpgsqlConnection connection, IReadOnlyList<SinkItem> batch, CancellationToken cancellationToken)
    {
        var outcomes = Enumerable.Repeat(SinkOutcome.Landed, batch.Count).ToArray();
        var orders = batch.Where(i => i.Order is not null).Select(i => i.Order!).ToList();
        var events = batch.Where(i => i.Event is not null).Select(i => i.Event!).ToList();
        if (orders.Count > 0)
        {
            await StagingTables.EnsureAsync(connection, cancellationToken);
        }
        var changes = batch.Select((item, position) => (item.StatusChange, position)).Where(c => c.StatusChange is not null).ToList();
        if (orders.Count > 0)
        {
            await StagingTables.CopyOrdersAsync(connection, orders, cancellationToken);
            await ExecuteAsync(connection, UpsertOrdersSql, cancellationToken);
        }
        if (events.Count > 0)
        {
            await EventRows.InsertAsync(connection, events, cancellationToken);
        }
        if (changes.Count > 0)
        {
            foreach (var position in await StatusChanges.ApplyAsync(connection, changes!, cancellationToken))
            {
                outcomes[position] = SinkOutcome.Retry("order not stored yet: its status change waits for it");
            }
        }
        return outcomes;
    }

    /// <summary>Class 22 (data exception) and 23 (integrity violation): retrying the same data cannot help.</summary>
    internal static bool IsDataError(PostgresException ex) => ex.SqlState.StartsWith("22", StringComparison.Ordinal) || ex.SqlState.StartsWith("23", StringComparison.Ordinal);

    internal static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // The newest version of each order in the batch wins inside the batch; against the table, the stored row is
    // replaced only when the incoming updated_at is not older. Lines follow the versions that landed.
    private const string UpsertOrdersSql = """
        with newest as (
            select distinct on (shop_id, order_id) * from stage_orders order by shop_id, order_id, updated_at desc, seq desc
        ), upserted as (
            insert into orders (shop_id, order_id, customer_id, status, created_at, updated_at, currency, channel, payment_method,
                                country, city, lat, lon, coupon_code, subtotal, discount, tax, shipping, total, units, line_count,
                                cancelled_at, refunded_at)
            select shop_id, order_id, customer_id, status, created_at, updated_at, currency, channel, payment_method,
                   country, city, lat, lon, coupon_code, subtotal, discount, tax, shipping, total, units, line_count,
                   case when status = 'cancelled' then updated_at end, case when status = 'refunded' then updated_at end
            from newest
            on conflict (shop_id, order_id) do update set
                customer_id = excluded.customer_id, status = excluded.status, created_at = excluded.created_at,
                updated_at = excluded.updated_at, currency = excluded.currency, channel = excluded.channel,
                payment_method = excluded.payment_method, country = excluded.country, city = excluded.city,
                lat = excluded.lat, lon = excluded.lon, coupon_code = excluded.coupon_code, subtotal = excluded.subtotal,
                discount = excluded.discount, tax = excluded.tax, shipping = excluded.shipping, total = excluded.total,
                units = excluded.units, line_count = excluded.line_count,
                cancelled_at = coalesce(orders.cancelled_at, excluded.cancelled_at),
                refunded_at = coalesce(orders.refunded_at, excluded.refunded_at)
            where excluded.updated_at >= orders.updated_at
            returning shop_id, order_id
        )
        insert into landed_orders select u.shop_id, u.order_id, n.seq from upserted u join newest n using (shop_id, order_id);

        -- The staging tables have no statistics, so the planner guesses hundreds of landed orders and hash-joins the
        -- whole of order_items (a scan per batch that grows with the table). A batch's orders are few next to the
        -- table: look each one up in the primary key.
        set local enable_hashjoin = off;
        set local enable_mergejoin = off;
        delete from order_items i using landed_orders l where i.shop_id = l.shop_id and i.order_id = l.order_id;
        set local enable_hashjoin to default;
        set local enable_mergejoin to default;

        insert into order_items (shop_id, order_id, line_no, product_id, product_name, category, brand, quantity, unit_price,
                                 unit_cost, line_total, customer_id, status, created_at, currency, country, channel)
        select s.shop_id, s.order_id, s.line_no, s.product_id, s.product_name, s.category, s.brand, s.quantity, s.unit_price,
               s.unit_cost, s.line_total, o.customer_id, o.status, o.created_at, o.currency, o.country, o.channel
        from stage_items s
        join landed_orders l on l.seq = s.seq
        join stage_orders o on o.seq = s.seq;
        """;
}
