using FoodFast.Analytics.Core.Queries.Catalogue;
using FoodFast.Analytics.Core.Wire;

namespace FoodFast.Analytics.Core.Queries;

/// <summary>
/// Turns a backend's base aggregates into the answer, the same way for every backend: empty buckets filled
/// with zeros, derived metrics computed, rows sorted and limited, and comparison values joined in.
/// </summary>
public static class ResultBuilder
{
    private sealed record Row(string? Bucket, IReadOnlyList<string?> Keys, IReadOnlyList<string?> Labels, Dictionary<string, decimal?> Values);

    public static (IReadOnlyList<ResultColumn> Columns, IReadOnlyList<IReadOnlyList<ResultCell>> Rows) Build(
        ValidatedQuery query, AggregateTable current, AggregateTable? previous)
    {
        var rows = Derive(query, Fill(query, current));
        var earlier = query.Over(PreviousRange(query).From, PreviousRange(query).To);
        var before = previous is null ? null : Derive(query, Fill(earlier, previous));
        rows = Sort(query, rows);
        if (query.Query.Limit is { } limit)
        {
            rows = rows.Take(limit).ToList();
        }
        var columns = Columns(query, before is not null);
        var bucketIndex = BucketIndex(query);
        var previousIndex = BucketIndex(earlier);
        var previousByKey = before?.ToDictionary(r => MatchKey(r, previousIndex), r => r);
        var table = rows.Select(row =>
        {
            var cells = new List<ResultCell>();
            if (query.Bucket is not null)
            {
                cells.Add(row.Bucket);
            }
            for (var i = 0; i < query.GroupBy.Count; i++)
            {
                cells.Add(row.Keys[i]);
                if (query.GroupBy[i].LabelField is not null)
                {
                    cells.Add(row.Labels[i]);
                }
            }
            // A group absent before compares with zeros (so a ratio's previous value is null, not 0).
            var match = previousByKey is null ? null : previousByKey.GetValueOrDefault(MatchKey(row, bucketIndex))
                ?? Derive(query, [new Row(row.Bucket, row.Keys, row.Labels, query.BaseMetrics.ToDictionary(m => m.Name, _ => (decimal?)0m))])[0];
            foreach (var metric in query.Metrics)
            {
                var value = row.Values[metric.Name];
                cells.Add(value);
                if (previousByKey is not null)
                {
                    var old = match!.Values[metric.Name];
                    cells.Add(old);
                    cells.Add(value is { } v && old is { } o && o != 0 ? Math.Round((v - o) / Math.Abs(o), 4) : (decimal?)null);
                }
            }
            return (IReadOnlyList<ResultCell>)cells;
        }).ToList();
        return (columns, table);
    }

    /// <summary>The comparison range: the same length just before, or the same dates a year earlier.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) PreviousRange(ValidatedQuery query) => query.Query.Compare switch
    {
        ComparisonPeriod.PreviousYear => (query.Query.From.AddYears(-1), query.Query.To.AddYears(-1)),
        _ => (query.Query.From - (query.Query.To - query.Query.From), query.Query.From),
    };

    private static List<ResultColumn> Columns(ValidatedQuery query, bool compare)
    {
        var columns = new List<ResultColumn>();
        if (query.Bucket is { } bucket)
        {
            columns.Add(new ResultColumn("bucket", WireNames.Of(bucket)));
        }
        foreach (var dimension in query.GroupBy)
        {
            columns.Add(new ResultColumn(dimension.Name, "dimension"));
            if (dimension.LabelField is { } label)
            {
                columns.Add(new ResultColumn(label, "label"));
            }
        }
        foreach (var metric in query.Metrics)
        {
            columns.Add(new ResultColumn(metric.Name, WireNames.Of(metric.Kind)));
            if (compare)
            {
                columns.Add(new ResultColumn($"{metric.Name}_previous", WireNames.Of(metric.Kind)));
                columns.Add(new ResultColumn($"{metric.Name}_change", "ratio"));
            }
        }
        return columns;
    }

    /// <summary>Every bucket for every group that has data; without a bucket, one row of zeros when nothing matched and nothing is grouped.</summary>
    private static List<Row> Fill(ValidatedQuery query, AggregateTable table)
    {
        var rows = table.Rows.Select(r => new Row(r.Bucket, r.Keys, r.Labels,
            query.BaseMetrics.Select((m, i) => (m.Name, Value: (decimal?)r.Values[i])).ToDictionary(x => x.Name, x => x.Value))).ToList();
        var zeros = () => query.BaseMetrics.ToDictionary(m => m.Name, _ => (decimal?)0m);
        if (query.Bucket is not { } bucket)
        {
            return rows.Count == 0 && query.GroupBy.Count == 0 ? [new Row(null, [], [], zeros())] : rows;
        }
        var groups = rows.Select(r => (r.Keys, r.Labels)).DistinctBy(g => string.Join('\u001f', g.Keys)).ToList();
        if (groups.Count == 0 && query.GroupBy.Count == 0)
        {
            groups.Add(([], []));
        }
        var present = rows.ToDictionary(r => (r.Bucket, string.Join('\u001f', r.Keys)));
        return Buckets.Enumerate(query.Query.From, query.Query.To, bucket, query.Zone)
            .SelectMany(key => groups.Select(g => present.GetValueOrDefault((key, string.Join('\u001f', g.Keys))) ?? new Row(key, g.Keys, g.Labels, zeros())))
            .ToList();
    }

    private static List<Row> Derive(ValidatedQuery query, List<Row> rows)
    {
        var catalogue = MetricCatalogue.For(query.Dataset);
        foreach (var row in rows)
        {
            foreach (var metric in query.Metrics.Where(m => m.Derived is not null))
            {
                row.Values[metric.Name] = Compute(metric, row.Values, catalogue);
            }
        }
        return rows;
    }

    private static decimal? Compute(MetricDefinition metric, Dictionary<string, decimal?> values, IReadOnlyDictionary<string, MetricDefinition> catalogue)
    {
        decimal? Value(string name) => values.TryGetValue(name, out var v) ? v : Compute(catalogue[name], values, catalogue);
        var d = metric.Derived!;
        var (left, right) = (Value(d.Left), Value(d.Right));
        return d.Kind switch
        {
            DerivationKind.Ratio => left is { } l && right is { } r && r != 0 ? Math.Round(l / r, metric.Kind == ValueKind.Money ? 2 : 4) : null,
            _ => left - right - (d.Third is null ? 0 : Value(d.Third)),
        };
    }

    private static List<Row> Sort(ValidatedQuery query, List<Row> rows)
    {
        var isOther = (Row r) => r.Keys.Count > 0 && r.Keys[0] == AggregateRow.Other && query.Query.Top is not null;
        if (query.Query.Sort is { } sort)
        {
            var index = query.GroupBy.ToList().FindIndex(d => d.Name == sort.By);
            Func<Row, object?> key = sort.By == "bucket" ? r => r.Bucket
                : index >= 0 && query.GroupBy[index].TimePart is not null ? r => TimePartOrder(r.Keys[index])
                : index >= 0 ? r => r.Keys[index] : r => r.Values[sort.By];
            var ordered = sort.Descending ? rows.OrderBy(isOther).ThenByDescending(key) : rows.OrderBy(isOther).ThenBy(key);
            // Ties (two products with equal revenue) are ordered by bucket and group keys, so every endpoint and every run agree.
            return ordered.ThenBy(r => r.Bucket, StringComparer.Ordinal).ThenBy(r => string.Join('\u001f', r.Keys), StringComparer.Ordinal).ToList();
        }
        var first = query.Metrics[0].Name;
        return rows.OrderBy(r => r.Bucket, StringComparer.Ordinal).ThenBy(isOther).ThenByDescending(r => r.Values[first] ?? decimal.MinValue)
            .ThenBy(r => string.Join('\u001f', r.Keys), StringComparer.Ordinal).ToList();
    }

    /// <summary>Hours and weekdays sort as numbers (2 before 10); an <c>other</c> row last.</summary>
    private static int TimePartOrder(string? key) =>
        int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue;

    /// <summary>Buckets are matched by position (the 3rd day of this week with the 3rd of the last), groups by their keys.</summary>
    private static Dictionary<string, int>? BucketIndex(ValidatedQuery query) => query.Bucket is { } bucket
        ? Buckets.Enumerate(query.Query.From, query.Query.To, bucket, query.Zone).Select((key, i) => (key, i)).ToDictionary(x => x.key, x => x.i)
        : null;

    private static string MatchKey(Row row, Dictionary<string, int>? bucketIndex) =>
        (row.Bucket is null || bucketIndex is null ? "" : bucketIndex[row.Bucket].ToString(System.Globalization.CultureInfo.InvariantCulture)) + '\u001e' + string.Join('\u001f', row.Keys);
}
