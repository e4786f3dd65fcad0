using System.Threading.Channels;
using FoodFast.Analytics.Core.Ingestion;
using Npgsql;
using NpgsqlTypes;

namespace FoodFast.Analytics.ServiceData.Ingestion;

/// <summary>
/// Appends to <c>ingest_log</c> with binary COPY. Appends that arrive while a write is in flight are grouped
/// into the next one, so a thousand single-event requests cost a handful of transactions, not a thousand,
/// and every caller still gets its answer only after its rows are committed.
/// </summary>
internal sealed class GroupCommitAppender : IAsyncDisposable
{
    private const int MaxGroupEntries = 20_000;
    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = false });
    private readonly NpgsqlDataSource _dataSource;
    private readonly Task[] _writers;

    public GroupCommitAppender(NpgsqlDataSource dataSource, int writers)
    {
        _dataSource = dataSource;
        _writers = Enumerable.Range(0, writers).Select(_ => Task.Run(WriteLoopAsync)).ToArray();
    }

    public Task<long[]> AppendAsync(IReadOnlyList<IngestEntry> entries)
    {
        var pending = new PendingAppend(entries, new TaskCompletionSource<long[]>(TaskCreationOptions.RunContinuationsAsynchronously));
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
                    append.Done.TrySetResult(ids[offset..(offset + append.Entries.Count)]);
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

    private async Task<long[]> WriteGroupAsync(List<PendingAppend> group, int count)
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        var ids = new long[count];
        await using (var reserve = new NpgsqlCommand("select nextval('ingest_log_id_seq') from generate_series(1, $1)", connection, tx))
        {
            reserve.Parameters.Add(new NpgsqlParameter { Value = count });
            await using var reader = await reserve.ExecuteReaderAsync();
            for (var i = 0; await reader.ReadAsync(); i++)
            {
                ids[i] = reader.GetInt64(0);
            }
        }
        await using (var copy = await connection.BeginBinaryImportAsync("copy ingest_log (id, kind, shop_id, payload) from stdin (format binary)"))
        {
            var i = 0;
            foreach (var entry in group.SelectMany(g => g.Entries))
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(ids[i++], NpgsqlDbType.Bigint);
                await copy.WriteAsync((short)entry.Kind, NpgsqlDbType.Smallint);
                await copy.WriteAsync(entry.ShopId, NpgsqlDbType.Text);
                await copy.WriteAsync(entry.Payload, NpgsqlDbType.Bytea);
            }
            await copy.CompleteAsync();
        }
        await tx.CommitAsync();
        return ids;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_writers);
    }

    private sealed record PendingAppend(IReadOnlyList<IngestEntry> Entries, TaskCompletionSource<long[]> Done);
}
