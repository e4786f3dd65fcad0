using FoodFast.Analytics.Core.Queries;

namespace FoodFast.Analytics.Elasticsearch.Queries;

/// <summary>Stacks the partial rows of several searches (time bases, passes) into one row per (bucket, keys).</summary>
public sealed class RowMerger(ValidatedQuery query)
{
    private readonly Dictionary<string, (string? Bucket, string?[] Keys, string?[] Labels, decimal[] Values)> _rows = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private bool _approximate;

    /// <param name="other">Rows of a top-N's complement: their first key is <see cref="AggregateRow.Other"/>, without a label.</param>
    public void Add(IEnumerable<PartialRow> rows, bool other, bool approximate)
    {
        _approximate |= approximate;
        foreach (var row in rows)
        {
            var keys = (string?[])row.Keys.Clone();
            var labels = (string?[])row.Labels.Clone();
            if (other)
            {
                keys[0] = AggregateRow.Other;
                labels[0] = null;
            }
            var id = KeyOf(row.Bucket, keys);
            if (!_rows.TryGetValue(id, out var merged))
            {
                merged = (row.Bucket, keys, labels, new decimal[query.BaseMetrics.Count]);
                _rows[id] = merged;
                _order.Add(id);
            }
            for (var i = 0; i < labels.Length; i++)
            {
                merged.Labels[i] ??= labels[i];
            }
            foreach (var (index, value) in row.Values)
            {
                merged.Values[index] += value;
            }
        }
    }

    public AggregateTable ToTable() => new(
        _order.Select(id => _rows[id]).Select(r => new AggregateRow(r.Bucket, r.Keys, r.Labels, r.Values)).ToList(),
        _approximate);

    /// <summary>A map key that tells a missing value (null) from any text.</summary>
    public static string KeyOf(string? bucket, IEnumerable<string?> keys) =>
        string.Join('\u001f', new[] { bucket }.Concat(keys).Select(k => k is null ? "\u0000" : "=" + k));
}
