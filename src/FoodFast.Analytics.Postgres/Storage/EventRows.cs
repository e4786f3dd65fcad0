using FoodFast.Analytics.Core.Events;
using FoodFast.Analytics.Core.Wire;
using Npgsql;
using NpgsqlTypes;

namespace FoodFast.Analytics.Postgres.Storage;

/// <summary>
/// Events inserted if absent by <c>(shop_id, event_id)</c> in one statement over arrays: one round trip whatever the
/// batch's size, which is what keeps a group commit of single events cheap when it is written through.
/// </summary>
internal static class EventRows
{
    private const string InsertSql = """
        insert into events
        select distinct on (shop_id, event_id) * from unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::text[], $5::text[],
            $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::int[], $12::numeric[], $13::text[], $14::text[],
            $15::text[], $16::int[], $17::smallint[], $18::int[], $19::text[], $20::text[], $21::text[], $22::text[], $23::jsonb[])
            as e(event_id, shop_id, occurred_at, category, type, user_id, session_id, product_id, product_name, product_category,
                 quantity, value, currency, order_id, query, results_count, rating, stock_level, url, referrer, device, country, properties)
        order by shop_id, event_id
        on conflict (shop_id, event_id) do nothing
        """;

    public static async Task InsertAsync(NpgsqlConnection connection, IReadOnlyList<ActivityEvent> events, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(InsertSql, connection);
        Add(command, events, e => e.EventId);
        Add(command, events, e => e.ShopId);
        Add(command, events, e => e.OccurredAt.UtcDateTime);
        Add(command, events, e => WireNames.Of(e.Category));
        Add(command, events, e => WireNames.Of(e.Type));
        Add(command, events, e => e.UserId);
        Add(command, events, e => e.SessionId);
        Add(command, events, e => e.ProductId);
        Add(command, events, e => e.ProductName);
        Add(command, events, e => e.ProductCategory);
        Add(command, events, e => e.Quantity);
        Add(command, events, e => e.Value);
        Add(command, events, e => e.Currency);
        Add(command, events, e => e.OrderId);
        Add(command, events, e => e.Query);
        Add(command, events, e => e.ResultsCount);
        Add(command, events, e => (short?)e.Rating);
        Add(command, events, e => e.StockLevel);
        Add(command, events, e => e.Url);
        Add(command, events, e => e.Referrer);
        Add(command, events, e => e.Device);
        Add(command, events, e => e.Country);
        command.Parameters.Add(new NpgsqlParameter
        {
            Value = events.Select(e => e.Properties is { Count: > 0 } p ? System.Text.Json.JsonSerializer.Serialize(p) : null).ToArray(),
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb,
        });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Add<T>(NpgsqlCommand command, IReadOnlyList<ActivityEvent> events, Func<ActivityEvent, T> column) =>
        command.Parameters.Add(new NpgsqlParameter<T[]> { TypedValue = events.Select(column).ToArray() });
}
