using System.Data.Common;
using FoodFast.Analytics.Core.Storage;

namespace FoodFast.Analytics.Core.Ingestion;

/// <summary>
/// A store that lives in the ingest log's own database (the Postgres backend on the service database). The log writes
/// accepted items into it inside the append's transaction, so an item that lands is queryable when the producer gets its
/// 202 and never waits in the log: one trip through the service instead of two. Items the store cannot take at once
/// (a status change whose order has not arrived, a group that fails on its data) are logged as before, and the indexer
/// deals with them one by one.
/// </summary>
public interface IWriteThroughStore
{
    /// <summary>Whether the store's tables are in the log's database (the Postgres backend without a connection string of its own).</summary>
    bool SharesLogDatabase { get; }

    /// <summary>A connection to the database the log and the store share, for the append's transaction.</summary>
    ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Writes the items on <paramref name="connection"/> inside its open transaction and returns an outcome per item;
    /// null when they failed on their data or lost to another writer (a deadlock), which spoils the transaction: the caller rolls it back and logs them all.
    /// </summary>
    Task<IReadOnlyList<SinkOutcome>?> WriteAsync(DbConnection connection, IReadOnlyList<SinkItem> items, CancellationToken cancellationToken);
}
