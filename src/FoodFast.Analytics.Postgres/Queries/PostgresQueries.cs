using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Postgres.Storage;
using Npgsql;

namespace FoodFast.Analytics.Postgres.Queries;

/// <summary>Runs compiled aggregate queries on the analytics database.</summary>
public sealed class PostgresQueries(AnalyticsDatabase database) : IAnalyticsQueries
{
    public async Task<AggregateTable> AggregateAsync(ValidatedQuery query, CancellationToken cancellationToken)
    {
        var compiled = SqlCompiler.Compile(query);
        await using var command = database.DataSource.CreateCommand(compiled.Sql);
        command.Parameters.AddRange(compiled.Parameters.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var dims = query.GroupBy.Count;
        var rows = new List<AggregateRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var bucket = reader.IsDBNull(0) ? null : reader.GetString(0);
            var keys = Enumerable.Range(1, dims).Select(i => reader.IsDBNull(i) ? null : reader.GetString(i)).ToList();
            var labelValues = Enumerable.Range(1 + dims, compiled.LabelCount).Select(i => reader.IsDBNull(i) ? null : reader.GetString(i)).ToList();
            var labels = new List<string?>();
            var next = 0;
            foreach (var dimension in query.GroupBy)
            {
                labels.Add(dimension.LabelField is null ? null : labelValues[next++]);
            }
            var first = 1 + dims + compiled.LabelCount;
            var values = Enumerable.Range(first, query.BaseMetrics.Count).Select(i => Convert.ToDecimal(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).ToList();
            rows.Add(new AggregateRow(bucket, keys, labels, values));
        }
        return new AggregateTable(rows, Approximate: false);
    }
}
