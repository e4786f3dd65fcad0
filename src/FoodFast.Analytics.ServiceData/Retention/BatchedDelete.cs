using Npgsql;

namespace FoodFast.Analytics.ServiceData.Retention;

/// <summary>
/// Deletes rows older than a cutoff a bounded batch at a time: each statement picks at most <c>batch</c> row ids
/// (<c>ctid</c>, so the delete is a TID scan) and runs in its own short transaction, so no lock is held for long
/// and writers keep going between batches.
/// </summary>
public static class BatchedDelete
{
    /// <summary>
    /// Repeats <c>delete from <paramref name="table"/> where <paramref name="timeColumn"/> &lt; cutoff</c> in batches until
    /// none is left; answers the rows deleted per shop (<paramref name="shopColumn"/>, or one empty key without it).
    /// <paramref name="cascade"/> is an optional data-modifying CTE over the deleted rows (<c>gone</c>), such as the
    /// lines of deleted orders, run in the same statement.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, long>> RunAsync(NpgsqlDataSource dataSource, string table, string timeColumn,
        DateTimeOffset cutoff, int batch, CancellationToken cancellationToken, string? shopColumn = "shop_id", string? cascade = null)
    {
        var shop = shopColumn ?? "''";
        var sql = $"""
            with gone as (
                delete from {table} where ctid = any(array(select ctid from {table} where {timeColumn} < $1 limit $2))
                returning *){(cascade is null ? "" : $", cascaded as ({cascade})")}
            select {shop}, count(*) from gone group by 1
            """;
        var perShop = new Dictionary<string, long>(StringComparer.Ordinal);
        long deleted;
        do
        {
            deleted = 0;
            await using var command = dataSource.CreateCommand(sql);
            command.Parameters.Add(new NpgsqlParameter { Value = cutoff.UtcDateTime });
            command.Parameters.Add(new NpgsqlParameter { Value = batch });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var key = reader.IsDBNull(0) ? "" : reader.GetString(0);
                var count = reader.GetInt64(1);
                perShop[key] = perShop.GetValueOrDefault(key) + count;
                deleted += count;
            }
        }
        while (deleted == batch);
        return perShop;
    }
}
