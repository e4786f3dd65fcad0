using Npgsql;

namespace FoodFast.Analytics.Postgres.Storage;

/// <summary>The database holding the analytics tables (orders, order_items, events). May be the service database.</summary>
public sealed class AnalyticsDatabase(string connectionString) : IAsyncDisposable
{
    /// <summary>Queries, exports and maintenance: pooled connections reset (DISCARD ALL) when they go back to the pool.</summary>
    public NpgsqlDataSource DataSource { get; } = NpgsqlDataSource.Create(connectionString);

    /// <summary>
    /// The sink's writes: connections keep their session when pooled, so the staging tables a batch is copied into are
    /// created once per connection instead of once per batch (creating and dropping three temporary tables per batch
    /// cost Postgres more than the rows did, and bloated its catalog).
    /// </summary>
    internal NpgsqlDataSource Writer { get; } = NpgsqlDataSource.Create(
        new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true }.ConnectionString);

    /// <summary>A command with positional parameters <c>$1, $2, ...</c>; a null value is a null of type text.</summary>
    public NpgsqlCommand Command(string sql, IEnumerable<object?> values)
    {
        var command = DataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(value is null ? new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text } : new NpgsqlParameter { Value = value });
        }
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await Writer.DisposeAsync();
    }
}
