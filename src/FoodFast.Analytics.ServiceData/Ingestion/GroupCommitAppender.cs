using System.Threading.Channels;
using FoodFast.Analytics.Core.Ingestion;
using FoodFast.Analytics.Core.Storage;
using Npgsql;
using NpgsqlTypes;

namespace FoodFast.Analytics.ServiceData.Ingestion;

/// <summary>
/// Appends to <c>ingest_log</c> with binary COPY. Appends that arrive while a write is in flight are grouped
/// into the next one, so a thousand single-event requests cost a handful of transactions, not a thousand,
/// and every caller still gets its answer only after its rows are committed. With a write-through store the group
/// is first written into the store in the same transaction, and only what the store could not take is logged.
/// </summary>
internal sealed class GroupCommitAppender : IAsyncDisposable
{
    private const int MaxGroupEntries = 20_000;
    private readonly IWriteThroughStore? _writeThrough;
    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = false });
    private readonly NpgsqlDataSource _dataSource;
    private readonly Task[] _writers;

    public GroupCommitAppender(NpgsqlDataSource dataSource, int writers, IWriteThroughStore? writeThrough)
    {
        _dataSource = dataSource;
        _writeThrough = writeThrough;
        _writers = Enumerable.Range(0, writers).Select(_ => Task.Run(WriteLoopAsync)).ToArray();
    }

    public Task<Appended> AppendAsync(IReadOnlyList<IngestEntry> entries)
    {
        var pending = new PendingAppend(entries, new TaskCompletionSource<Appended>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("the ingest log is shutting down");
        }
        return pending.Done.Task;
    }

    private async Task WriteLoopAsync()
    {
        var reader = _queue.Reader;
        var group = new List<PendingAppend>();
        while (await reader.WaitToReadAsync())
        {
            group.Clear();
            var count = 0;
            while (count < MaxGroupEntries && reader.TryRead(out var next))
            {
                group.Add(next);
                count += next.Entries.Count;
            }
            if (group.Count == 0)
            {
                continue;
            }
            try
            {
                var ids = await WriteGroupAsync(group, count);
                var offset = 0;
                foreach (var append in group)
                {
                    append.Done.TrySetResult(new Appended(ids[offset..(offset + append.Entries.Count)]));
                    offset += append.Entries.Count;
                }
            }
            catch (Exception ex)
            {
                foreach (var append in group)
                {
                    append.Done.TrySetException(ex);
                }
            }
        }
    }

    /// <summary>Writes the group in one transaction; returns each entry's log id, <see cref="Appended.StoredId"/> for an entry the store took.</summary>
    private async Task<long[]> WriteGroupAsync(List<PendingAppend> group, int count)
    {
        await using var connection = _writeThrough is null ? await _dataSource.OpenConnectionAsync()
            : (NpgsqlConnection)await _writeThrough.OpenConnectionAsync(CancellationToken.None);
        var entries = group.SelectMany(g => g.Entries).ToList();
        var ids = new long[count];
        Array.Fill(ids, Appended.StoredId);
        var toLog = Enumerable.Range(0, count).ToList();
        if (_writeThrough is not null)
        {
            await using var tx = await connection.BeginTransactionAsync();
            var outcomes = await _writeThrough.WriteAsync(connection, entries.Select(e => e.Item).ToList(), CancellationToken.None);
            if (outcomes is not null)
            {
                toLog = toLog.Where(i => outcomes[i].Kind != SinkOutcomeKind.Landed).ToList();
                if (toLog.Count > 0)
                {
                    await LogAsync(connection, entries, toLog, ids);
                }
                await tx.CommitAsync();
                return ids;
            }
            // Failed on its data: the transaction is spoiled; roll back (disposing) and log the whole group below.
        }
        await using (var tx = await connection.BeginTransactionAsync())
        {
            await LogAsync(connection, entries, toLog, ids);
            await tx.CommitAsync();
        }
        return ids;
    }

    private static async Task LogAsync(NpgsqlConnection connection, List<IngestEntry> entries, List<int> toLog, long[] ids)
    {
        await using (var reserve = new NpgsqlCommand("select nextval('ingest_log_id_seq') from generate_series(1, $1)", connection))
        {
            reserve.Parameters.Add(new NpgsqlParameter { Value = toLog.Count });
            await using var reader = await reserve.ExecuteReaderAsync();
            foreach (var i in toLog)
            {
                await reader.ReadAsync();
                ids[i] = reader.GetInt64(0);
            }
        }
        await using var copy = await connection.BeginBinaryImportAsync("copy ingest_log (id, kind, shop_id, payload) from stdin (format binary)");
        foreach (var i in toLog)
        {
            var entry = entries[i];
            await copy.StartRowAsync();
            await copy.WriteAsync(ids[i], NpgsqlDbType.Bigint);
            await copy.WriteAsync((short)entry.Kind, NpgsqlDbType.Smallint);
            await copy.WriteAsync(entry.ShopId, NpgsqlDbType.Text);
            await copy.WriteAsync(entry.Payload, NpgsqlDbType.Bytea);
        }
        await copy.CompleteAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_writers);
    }

    private sealed record PendingAppend(IReadOnlyList<IngestEntry> Entries, TaskCompletionSource<Appended> Done);
}
