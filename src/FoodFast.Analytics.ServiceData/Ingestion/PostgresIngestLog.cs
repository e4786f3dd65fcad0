using System.Text;
using FoodFast.Analytics.Core.Ingestion;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FoodFast.Analytics.ServiceData.Ingestion;

/// <summary>
/// The ingest log in the service database: appended by group commit, claimed with <c>FOR UPDATE SKIP LOCKED</c>. Every
/// call raises the driver's failures as Core's <see cref="Core.Storage.DependencyFailedException"/> (<see cref="NpgsqlFailures"/>).
/// </summary>
public sealed class PostgresIngestLog(ServiceDatabase database, IOptions<IngestionOptions> options, IEnumerable<IWriteThroughStore> stores) : IIngestLog, IAsyncDisposable
{
    private readonly GroupCommitAppender _appender = new(database.DataSource, writers: 2,
        options.Value.WriteThrough ? stores.FirstOrDefault(s => s.SharesLogDatabase) : null);

    public Task<Appended> AppendAsync(IReadOnlyList<IngestEntry> entries, CancellationToken cancellationToken) =>
        NpgsqlFailures.GuardAsync("append", () => _appender.AppendAsync(entries).WaitAsync(cancellationToken));

    public Task<IIngestClaim?> ClaimAsync(int max, CancellationToken cancellationToken) => NpgsqlFailures.GuardAsync("claim", () => ClaimOnceAsync(max, cancellationToken));

    private async Task<IIngestClaim?> ClaimOnceAsync(int max, CancellationToken cancellationToken)
    {
        var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var tx = await connection.BeginTransactionAsync(cancellationToken);
            await using var command = new NpgsqlCommand("""
                select id, kind, shop_id, payload, attempts from ingest_log
                where next_attempt_at <= now() order by id limit $1 for update skip locked
                """, connection, tx);
            command.Parameters.Add(new NpgsqlParameter { Value = max });
            var entries = new List<ClaimedEntry>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    entries.Add(new ClaimedEntry(reader.GetInt64(0), (IngestKind)reader.GetInt16(1), reader.GetString(2),
                        (byte[])reader[3], reader.GetInt32(4)));
                }
            }
            if (entries.Count == 0)
            {
                await tx.DisposeAsync();
                await connection.DisposeAsync();
                return null;
            }
            return new Claim(connection, tx, entries);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public Task<int> CountPendingAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        NpgsqlFailures.GuardAsync("count_pending", () => CountPendingOnceAsync(ids, cancellationToken));

    private async Task<int> CountPendingOnceAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("select count(*) from ingest_log where id = any($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = ids.ToArray() });
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public Task<IngestLogStats> StatsAsync(CancellationToken cancellationToken) =>
        NpgsqlFailures.GuardAsync("stats", () => StatsOnceAsync(cancellationToken));

    private async Task<IngestLogStats> StatsOnceAsync(CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("""
            select (select count(*) from ingest_log), (select count(*) from ingest_log where next_attempt_at <= now()),
                   (select count(*) from ingest_log where attempts > 0),
                   (select min(received_at) from ingest_log), (select count(*) from ingest_dead_letters)
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new IngestLogStats(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2),
            reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3), reader.GetInt64(4));
    }

    public Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(string? shopId, long? afterId, int limit, CancellationToken cancellationToken) =>
        NpgsqlFailures.GuardAsync("dead_letters", () => DeadLettersOnceAsync(shopId, afterId, limit, cancellationToken));

    private async Task<IReadOnlyList<DeadLetter>> DeadLettersOnceAsync(string? shopId, long? afterId, int limit, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("""
            select id, kind, shop_id, received_at, failed_at, attempts, reason, payload from ingest_dead_letters
            where ($1::text is null or shop_id = $1) and id > coalesce($2, 0) order by id limit $3
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)shopId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)afterId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        var letters = new List<DeadLetter>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            letters.Add(new DeadLetter(reader.GetInt64(0), (IngestKind)reader.GetInt16(1), reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3), reader.GetFieldValue<DateTimeOffset>(4), reader.GetInt32(5),
                reader.GetString(6), Encoding.UTF8.GetString((byte[])reader[7])));
        }
        return letters;
    }

    public Task<int> PurgeCustomerAsync(string shopId, string customerId, CancellationToken cancellationToken) =>
        NpgsqlFailures.GuardAsync("purge_customer", () => PurgeCustomerOnceAsync(shopId, customerId, cancellationToken));

    private async Task<int> PurgeCustomerOnceAsync(string shopId, string customerId, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("""
            delete from ingest_dead_letters where shop_id = $1
              and (convert_from(payload, 'UTF8')::jsonb ->> 'customerId' = $2 or convert_from(payload, 'UTF8')::jsonb ->> 'userId' = $2)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = shopId });
        command.Parameters.Add(new NpgsqlParameter { Value = customerId });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task<int> ReplayAsync(string? shopId, IReadOnlyCollection<long>? ids, CancellationToken cancellationToken) =>
        NpgsqlFailures.GuardAsync("replay", () => ReplayOnceAsync(shopId, ids, cancellationToken));

    private async Task<int> ReplayOnceAsync(string? shopId, IReadOnlyCollection<long>? ids, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("""
            with moved as (
                delete from ingest_dead_letters where ($1::text is null or shop_id = $1) and ($2::bigint[] is null or id = any($2))
                returning id, kind, shop_id, payload, received_at)
            insert into ingest_log (id, kind, shop_id, payload, received_at) select id, kind, shop_id, payload, received_at from moved
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)shopId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)ids?.ToArray() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Bigint });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _appender.DisposeAsync();

    private sealed class Claim(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<ClaimedEntry> entries) : IIngestClaim
    {
        public IReadOnlyList<ClaimedEntry> Entries => entries;

        public Task SettleAsync(IReadOnlyList<Settlement> settlements, CancellationToken cancellationToken) =>
            NpgsqlFailures.GuardAsync("settle", async () =>
            {
                await SettleOnceAsync(settlements, cancellationToken);
                return true;
            });

        private async Task SettleOnceAsync(IReadOnlyList<Settlement> settlements, CancellationToken cancellationToken)
        {
            var dead = settlements.Where(s => s.Kind == SettlementKind.DeadLetter).ToList();
            var later = settlements.Where(s => s.Kind == SettlementKind.Postpone).ToList();
            if (dead.Count > 0)
            {
                await ExecuteAsync("""
                    insert into ingest_dead_letters (id, kind, shop_id, payload, received_at, attempts, reason)
                    select l.id, l.kind, l.shop_id, l.payload, l.received_at, l.attempts + 1, d.reason
                    from ingest_log l join unnest($1::bigint[], $2::text[]) as d(id, reason) on d.id = l.id
                    """, cancellationToken, dead.Select(s => s.Id).ToArray(), dead.Select(s => s.Reason ?? "").ToArray());
            }
            if (later.Count > 0)
            {
                await ExecuteAsync("""
                    update ingest_log l set attempts = l.attempts + 1, last_error = p.reason,
                        next_attempt_at = now() + p.delay_ms * interval '1 millisecond'
                    from unnest($1::bigint[], $2::text[], $3::bigint[]) as p(id, reason, delay_ms) where l.id = p.id
                    """, cancellationToken, later.Select(s => s.Id).ToArray(), later.Select(s => s.Reason ?? "").ToArray(),
                    later.Select(s => (long)s.Delay.TotalMilliseconds).ToArray());
            }
            var gone = settlements.Where(s => s.Kind != SettlementKind.Postpone).Select(s => s.Id).ToArray();
            if (gone.Length > 0)
            {
                await ExecuteAsync("delete from ingest_log where id = any($1)", cancellationToken, gone);
            }
            await transaction.CommitAsync(cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }

        private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params object[] values)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            foreach (var value in values)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value });
            }
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
