using Npgsql;

namespace FoodFast.Analytics.ServiceData;

/// <summary>The service's own database. A distinct type from the Postgres backend's <c>AnalyticsDatabase</c> so the two cannot be swapped by mistake.</summary>
public sealed class ServiceDatabase(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    public NpgsqlDataSource DataSource { get; } = dataSource;

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
