using FoodFast.Analytics.Core.Erasure;
using FoodFast.Analytics.Postgres.Storage;
using Npgsql;

namespace FoodFast.Analytics.Postgres.Erasure;

/// <summary>Erasure on the Postgres analytics tables, in one transaction.</summary>
public sealed class PostgresCustomerErasure(AnalyticsDatabase database) : ICustomerErasure
{
    public async Task<ErasureCounts> EraseAsync(string shopId, string customerId, CancellationToken cancellationToken)
    {
        var pseudonym = $"erased-{Guid.NewGuid():N}";
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        async Task<long> Execute(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection, tx);
            command.Parameters.Add(new NpgsqlParameter { Value = shopId });
            command.Parameters.Add(new NpgsqlParameter { Value = customerId });
            command.Parameters.Add(new NpgsqlParameter { Value = pseudonym });
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
        var events = await Execute("delete from events where shop_id = $1 and user_id = $2 and $3 is not null");
        var orders = await Execute("update orders set customer_id = $3, lat = null, lon = null where shop_id = $1 and customer_id = $2");
        var lines = await Execute("update order_items set customer_id = $3 where shop_id = $1 and customer_id = $2");
        await tx.CommitAsync(cancellationToken);
        return new ErasureCounts(events, orders, lines, pseudonym);
    }
}
