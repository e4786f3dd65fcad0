using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Postgres.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FoodFast.Analytics.Postgres.Queries;

/// <summary>Runs compiled aggregate queries on the analytics database.</summary>
public sealed class PostgresQueries(AnalyticsDatabase database, IOptions<PostgresStoreOptions> options) : IAnalyticsQueries
{
    /// <summary>
    /// Settings for the query's own transaction. Distinct counts over a shop's month of events (250,000 session ids)
    /// spilled their sorts to disk at the server's default 4 MB of work_mem; JIT spent ~80 ms compiling such a query
    /// (bench/README.md, "Queries").
    /// </summary>
    private readonly string[] _settings = [$"set local work_mem = '{options.Value.QueryWorkMemMegabytes}MB'", "set local jit = off"];

    public async Task<AggregateTable> AggregateAsync(ValidatedQuery query, CancellationToken cancellationToken)
    {
        var rollup = options.Value.UseRollups ? Rollups.For(query) : null;
        var compiled = SqlCompiler.Compile(query, rollup);
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var setting in _settings)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(setting));
        }
        var select = new NpgsqlBatchCommand(compiled.Sql);
        select.Parameters.AddRange(compiled.Parameters.ToArray());
        batch.BatchCommands.Add(select);
        var rows = new List<AggregateRow>();
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(Read(reader, query, compiled.LabelCount));
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return new AggregateTable(rows, Approximate: false) { FromRollups = rollup is not null };
    }

    private static AggregateRow Read(NpgsqlDataReader reader, ValidatedQuery query, int labelCount)
    {
        var dims = query.GroupBy.Count;
        var bucket = reader.IsDBNull(0) ? null : reader.GetString(0);
        var keys = Enumerable.Range(1, dims).Select(i => reader.IsDBNull(i) ? null : reader.GetString(i)).ToList();
        var labelValues = Enumerable.Range(1 + dims, labelCount).Select(i => reader.IsDBNull(i) ? null : reader.GetString(i)).ToList();
        var labels = new List<string?>();
        var next = 0;
        foreach (var dimension in query.GroupBy)
        {
            labels.Add(dimension.LabelField is null ? null : labelValues[next++]);
        }
        var first = 1 + dims + labelCount;
        var values = Enumerable.Range(first, query.BaseMetrics.Count).Select(i => Convert.ToDecimal(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return new AggregateRow(bucket, keys, labels, values);
    }
}
