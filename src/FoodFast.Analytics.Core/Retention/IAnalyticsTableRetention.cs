namespace FoodFast.Analytics.Core.Retention;

/// <summary>
/// Row retention of a backend that keeps the analytics datasets in tables (Postgres): events by <c>occurredAt</c>,
/// orders with their lines by <c>updatedAt</c>, deleted in bounded batches. A backend that registers none leaves events
/// to its lifecycle policy (and orders to <see cref="IOrderIndexRetention"/>).
/// </summary>
public interface IAnalyticsTableRetention
{
    /// <summary>Deletes <paramref name="dataset"/>'s rows older than <paramref name="cutoff"/>; answers the rows deleted per shop.</summary>
    Task<IReadOnlyDictionary<string, long>> DeleteAsync(string dataset, DateTimeOffset cutoff, int batch, CancellationToken cancellationToken);
}
