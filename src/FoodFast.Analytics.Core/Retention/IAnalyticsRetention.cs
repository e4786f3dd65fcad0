namespace FoodFast.Analytics.Core.Retention;

/// <summary>
/// The retention face of the store: deletes what is older than the settings allow, the way the backend keeps it.
/// Postgres deletes rows in bounded batches (events by <c>occurredAt</c>, orders with their lines by <c>updatedAt</c>);
/// Elasticsearch deletes whole monthly order indices whose orders all changed before the cutoff, and leaves events to
/// its lifecycle policy.
/// </summary>
public interface IAnalyticsRetention
{
    /// <summary>Whether the backend deletes old events itself, by a lifecycle policy, rather than in the retention run.</summary>
    bool EventsByLifecyclePolicy { get; }

    /// <summary>
    /// Deletes <paramref name="dataset"/>'s data (<see cref="RetentionDatasets.Events"/> or <see cref="RetentionDatasets.Orders"/>)
    /// older than <paramref name="cutoff"/>, <paramref name="batch"/> rows per statement where it deletes rows; answers what
    /// was deleted per shop. What was deleted before a failure stays deleted.
    /// </summary>
    Task<IReadOnlyDictionary<string, long>> DeleteOlderThanAsync(string dataset, DateTimeOffset cutoff, int batch, CancellationToken cancellationToken);
}
