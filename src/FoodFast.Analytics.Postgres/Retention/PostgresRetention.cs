using FoodFast.Analytics.Core.Retention;
using FoodFast.Analytics.Postgres.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace FoodFast.Analytics.Postgres.Retention;

/// <summary>
/// The retention deletes of the Postgres tables: the analytics store's events and orders (with their lines) when
/// Postgres is the analytics backend, and the service's dead letters and audit log.
/// </summary>
public sealed class PostgresRetention(ServiceDatabase service, IServiceProvider services)
{
    // Lines have no time of their own that retention could use: they go with their order, in the same statement.
    private const string OrderLines =
        "delete from order_items i using gone g where i.shop_id = g.shop_id and i.order_id = g.order_id";

    /// <summary>False on the Elasticsearch backend: its lifecycle policies delete events and orders.</summary>
    public bool OwnsAnalyticsData => services.GetService<AnalyticsDatabase>() is not null;

    /// <summary>Deletes <paramref name="dataset"/>'s rows older than <paramref name="cutoff"/>; answers the rows deleted per shop.</summary>
    public Task<IReadOnlyDictionary<string, long>> DeleteAsync(string dataset, DateTimeOffset cutoff, int batch, CancellationToken cancellationToken)
    {
        var analytics = services.GetService<AnalyticsDatabase>()?.DataSource;
        return dataset switch
        {
            RetentionDatasets.Events when analytics is not null =>
                BatchedDelete.RunAsync(analytics, "events", "occurred_at", cutoff, batch, cancellationToken),
            RetentionDatasets.Orders when analytics is not null =>
                BatchedDelete.RunAsync(analytics, "orders", "updated_at", cutoff, batch, cancellationToken, cascade: OrderLines),
            RetentionDatasets.DeadLetters =>
                BatchedDelete.RunAsync(service.DataSource, "ingest_dead_letters", "failed_at", cutoff, batch, cancellationToken, shopColumn: null),
            RetentionDatasets.AuditLog =>
                BatchedDelete.RunAsync(service.DataSource, "audit_log", "at", cutoff, batch, cancellationToken, shopColumn: null),
            _ => throw new ArgumentOutOfRangeException(nameof(dataset), dataset, "not a Postgres table dataset on this backend"),
        };
    }
}
