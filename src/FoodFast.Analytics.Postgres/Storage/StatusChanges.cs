using FoodFast.Analytics.Core.Orders;
using FoodFast.Analytics.Core.Wire;
using Npgsql;

namespace FoodFast.Analytics.Postgres.Storage;

/// <summary>Applies order status changes that are not older than the stored order, to the order and its lines.</summary>
internal static class StatusChanges
{
    /// <summary>Returns the batch positions of changes whose order is not stored yet.</summary>
    public static async Task<IReadOnlyList<int>> ApplyAsync(NpgsqlConnection connection, IReadOnlyList<(OrderStatusChange Change, int Position)> changes, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            with changes as (
                select * from unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::timestamptz[]) as c(pos, shop_id, order_id, status, updated_at)
            ), newest as (
                select distinct on (shop_id, order_id) * from changes order by shop_id, order_id, updated_at desc, pos desc
            ), updated as (
                update orders o set status = n.status, updated_at = n.updated_at,
                    cancelled_at = coalesce(o.cancelled_at, case when n.status = 'cancelled' then n.updated_at end),
                    refunded_at = coalesce(o.refunded_at, case when n.status = 'refunded' then n.updated_at end)
                from newest n
                where o.shop_id = n.shop_id and o.order_id = n.order_id and n.updated_at >= o.updated_at
                returning o.shop_id, o.order_id, o.status
            ), lines as (
                update order_items i set status = u.status from updated u where i.shop_id = u.shop_id and i.order_id = u.order_id
            )
            select c.pos from changes c
            where not exists (select 1 from orders o where o.shop_id = c.shop_id and o.order_id = c.order_id)
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = changes.Select(c => c.Position).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = changes.Select(c => c.Change.ShopId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = changes.Select(c => c.Change.OrderId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = changes.Select(c => WireNames.Of(c.Change.Status)).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = changes.Select(c => c.Change.UpdatedAt.UtcDateTime).ToArray() });
        var missing = new List<int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            missing.Add(reader.GetInt32(0));
        }
        return missing;
    }
}
