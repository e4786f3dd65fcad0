using Npgsql;

namespace FoodFast.Analytics.Postgres.Storage;

/// <summary>The database holding the analytics tables (orders, order_items, events). May be the service database.</summary>
public sealed class AnalyticsDatabase(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    public NpgsqlDataSource DataSource { get; } = dataSource;

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

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
