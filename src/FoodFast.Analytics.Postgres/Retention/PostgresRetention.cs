using FoodFast.Analytics.Core.Retention;
using FoodFast.Analytics.Postgres.Storage;
using FoodFast.Analytics.ServiceData.Retention;

namespace FoodFast.Analytics.Postgres.Retention;

/// <summary>The retention deletes of the analytics tables, in bounded batches: events, and orders with their lines.</summary>
public sealed class PostgresRetention(AnalyticsDatabase analytics) : IAnalyticsRetention
{
    // Lines have no time of their own that retention could use: they go with their order, in the same statement.
    private const string OrderLines =
        "delete from order_items i using gone g where i.shop_id = g.shop_id and i.order_id = g.order_id";

    public bool EventsByLifecyclePolicy => false;

    public Task<IReadOnlyDictionary<string, long>> DeleteOlderThanAsync(string dataset, DateTimeOffset cutoff, int batch, CancellationToken cancellationToken) =>
        dataset switch
        {
            RetentionDatasets.Events =>
                BatchedDelete.RunAsync(analytics.DataSource, "events", "occurred_at", cutoff, batch, cancellationToken),
            RetentionDatasets.Orders =>
                BatchedDelete.RunAsync(analytics.DataSource, "orders", "updated_at", cutoff, batch, cancellationToken, cascade: OrderLines),
            _ => throw new ArgumentOutOfRangeException(nameof(dataset), dataset, "not an analytics table"),
        };
}
