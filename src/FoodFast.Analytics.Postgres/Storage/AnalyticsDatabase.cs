using Npgsql;

namespace FoodFast.Analytics.Postgres.Storage;

/// <summary>The database holding the analytics tables (orders, order_items, events). May be the service database.</summary>
public sealed class AnalyticsDatabase(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    public NpgsqlDataSource DataSource { get; } = dataSource;

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
