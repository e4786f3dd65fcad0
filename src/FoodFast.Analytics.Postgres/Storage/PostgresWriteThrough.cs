using System.Data.Common;
using FoodFast.Analytics.Core.Ingestion;
using FoodFast.Analytics.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FoodFast.Analytics.Postgres.Storage;

/// <summary>
/// The analytics tables written in the ingest log's transaction, when they share the service database. A group that fails
/// on its data is reported as such (the caller rolls back and logs it whole), and the indexer then sorts the good items
/// from the bad one by one. A group that lost a deadlock or a serialization conflict (another writer updating the same
/// rollup rows) is logged whole the same way, and the indexer writes it moments later, instead of the clients being
/// refused.
/// </summary>
public sealed class PostgresWriteThrough(AnalyticsDatabase database, IOptions<PostgresStoreOptions> options, ILogger<PostgresWriteThrough> logger) : IWriteThroughStore
{
    public bool SharesLogDatabase { get; } = options.Value.ConnectionString.Length == 0;

    public async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await database.Writer.OpenConnectionAsync(cancellationToken);

    public async Task<IReadOnlyList<SinkOutcome>?> WriteAsync(DbConnection connection, IReadOnlyList<SinkItem> items, CancellationToken cancellationToken)
    {
        try
        {
            return await PostgresAnalyticsSink.WriteOnAsync((NpgsqlConnection)connection, items, cancellationToken);
        }
        catch (PostgresException ex) when (PostgresAnalyticsSink.IsDataError(ex))
        {
            logger.LogWarning("Write-through of {Count} items failed on their data ({Error}); they wait in the ingest log", items.Count, ex.MessageText);
            return null;
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
        {
            logger.LogInformation("Write-through of {Count} items met another writer ({Error}); they wait in the ingest log", items.Count, ex.MessageText);
            return null;
        }
    }
}
