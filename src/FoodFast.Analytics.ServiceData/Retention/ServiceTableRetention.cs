using FoodFast.Analytics.Core.Retention;

namespace FoodFast.Analytics.ServiceData.Retention;

/// <summary>
/// The retention deletes of the service's own tables: the ingest dead letters and the audit log. Driver failures are
/// raised as Core's <see cref="Core.Storage.DependencyFailedException"/>.
/// </summary>
public sealed class ServiceTableRetention(ServiceDatabase service)
{
    /// <summary>Deletes <paramref name="dataset"/>'s rows older than <paramref name="cutoff"/>; answers the rows deleted (under one empty key).</summary>
    public Task<IReadOnlyDictionary<string, long>> DeleteAsync(string dataset, DateTimeOffset cutoff, int batch, CancellationToken cancellationToken) =>
        NpgsqlFailures.GuardAsync($"retention_{dataset}", () => dataset switch
        {
            RetentionDatasets.DeadLetters =>
                BatchedDelete.RunAsync(service.DataSource, "ingest_dead_letters", "failed_at", cutoff, batch, cancellationToken, shopColumn: null),
            RetentionDatasets.AuditLog =>
                BatchedDelete.RunAsync(service.DataSource, "audit_log", "at", cutoff, batch, cancellationToken, shopColumn: null),
            _ => throw new ArgumentOutOfRangeException(nameof(dataset), dataset, "not a table of the service database"),
        });
}
