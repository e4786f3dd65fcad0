using System.Data.Common;
using FoodFast.Analytics.Core.Ingestion;
using FoodFast.Analytics.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FoodFast.Analytics.Postgres.Storage;

/// <summary>
/// The analytics tables written in the ingest log's transaction, when they share the service database. The write runs
/// under a savepoint: a batch that fails on its data is undone alone and its items are logged for the indexer, which
/// sorts the good from the bad item by item.
/// </summary>
public sealed class PostgresWriteThrough(AnalyticsDatabase database, IOptions<PostgresStoreOptions> options, ILogger<PostgresWriteThrough> logger) : IWriteThroughStore
{
    public bool SharesLogDatabase { get; } = options.Value.ConnectionString.Length == 0;

    public async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await database.Writer.OpenConnectionAsync(cancellationToken);

    public async Task<IReadOnlyList<SinkOutcome>> WriteAsync(DbConnection connection, IReadOnlyList<SinkItem> items, CancellationToken cancellationToken)
    {
        var npgsql = (NpgsqlConnection)connection;
        await PostgresAnalyticsSink.ExecuteAsync(npgsql, "savepoint write_through", cancellationToken);
        try
        {
            var outcomes = await PostgresAnalyticsSink.WriteOnAsync(npgsql, items, cancellationToken);
            await PostgresAnalyticsSink.ExecuteAsync(npgsql, "release savepoint write_through", cancellationToken);
            return outcomes;
        }
        catch (PostgresException ex) when (PostgresAnalyticsSink.IsDataError(ex))
        {
            await PostgresAnalyticsSink.ExecuteAsync(npgsql, "rollback to savepoint write_through", cancellationToken);
            logger.LogWarning("Write-through of {Count} items failed on their data ({Error}); they wait in the ingest log", items.Count, ex.MessageText);
            var reason = SinkOutcome.Retry($"{ex.SqlState}: {ex.MessageText}");
            return Enumerable.Repeat(reason, items.Count).ToArray();
        }
    }
}
