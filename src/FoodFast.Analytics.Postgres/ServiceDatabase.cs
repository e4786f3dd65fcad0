using Npgsql;

namespace FoodFast.Analytics.Postgres;

/// <summary>The service's own database. A distinct type from <see cref="Storage.AnalyticsDatabase"/> so the two cannot be swapped by mistake.</summary>
public sealed class ServiceDatabase(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    public NpgsqlDataSource DataSource { get; } = dataSource;

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
