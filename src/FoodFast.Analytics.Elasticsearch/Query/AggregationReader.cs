using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Queries.Catalogue;
using FoodFast.Analytics.Elasticsearch.Connection;

namespace FoodFast.Analytics.Elasticsearch.Query;

/// <summary>One composite bucket (or the whole result without groups): keys by group-by index, metric values by base-metric index.</summary>
public sealed record PartialRow(string? Bucket, string?[] Keys, string?[] Labels, Dictionary<int, decimal> Values, string? Customer);

/// <summary>The rows of one answer (one composite page, or the whole result without groups).</summary>
public sealed record AggregationPage(IReadOnlyList<PartialRow> Rows, bool Approximate);

/// <summary>Reads an aggregation search answer compiled by <see cref="AggregationCompiler"/>.</summary>
public static class AggregationReader
{
    public static AggregationPage Read(ValidatedQuery query, SearchPlan plan, JsonElement root)
    {
        var approximate = false;
        var hasAggs = root.TryGetProperty("aggregations", out var aggs);
        if (!AggregationCompiler.HasSources(query, plan))
        {
            var total = root.GetProperty("hits").GetProperty("total").GetProperty("value").GetInt64();
            if (total == 0 || !hasAggs)
            {
                return new AggregationPage([], false);
            }
            return new AggregationPage([Row(query, plan, aggs, total, ref approximate)], approximate);
        }
        if (!hasAggs || !aggs.TryGetProperty(AggregationCompiler.Groups, out var groups))
        {
            return new AggregationPage([], false); // no index matched: nothing was written yet
        }
        var rows = new List<PartialRow>();
        foreach (var bucket in groups.GetProperty("buckets").EnumerateArray())
        {
            rows.Add(Row(query, plan, bucket, bucket.GetProperty("doc_count").GetInt64(), ref approximate));
        }
        return new AggregationPage(rows, approximate);
    }

    private static PartialRow Row(ValidatedQuery query, SearchPlan plan, JsonElement bucket, long docCount, ref bool approximate)
    {
        var keys = new string?[query.GroupBy.Count];
        var labels = new string?[query.GroupBy.Count];
        string? bucketKey = null;
        string? customer = null;
        if (bucket.TryGetProperty("key", out var key) && key.ValueKind == JsonValueKind.Object)
        {
            bucketKey = key.TryGetProperty(AggregationCompiler.BucketSource, out var b) ? BucketKey(query, b) : null;
            customer = key.TryGetProperty(AggregationCompiler.CustomerSource, out var c) ? Text(c) : null;
            foreach (var i in plan.Dimensions)
            {
                keys[i] = Text(key.GetProperty($"d{i}"));
            }
        }
        foreach (var i in plan.Dimensions)
        {
            if (bucket.TryGetProperty($"l{i}", out var label) && label.GetProperty("buckets").EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } first)
            {
                labels[i] = Text(first.GetProperty("key"));
            }
        }
        var values = new Dictionary<int, decimal>();
        foreach (var i in plan.Metrics)
        {
            var aggregate = query.BaseMetrics[i].Base!;
            values[i] = Value(aggregate, bucket, $"m{i}", docCount, ref approximate);
        }
        return new PartialRow(bucketKey, keys, labels, values, customer);
    }

    private static decimal Value(BaseAggregate aggregate, JsonElement bucket, string name, long docCount, ref bool approximate)
    {
        if (aggregate.Function == AggregateFunction.Count)
        {
            return aggregate.When is null ? docCount : bucket.GetProperty(name).GetProperty("doc_count").GetInt64();
        }
        var node = bucket.GetProperty(name);
        if (aggregate.When is not null)
        {
            node = node.GetProperty("v");
        }
        var value = node.GetProperty("value");
        if (value.ValueKind == JsonValueKind.Null)
        {
            return 0;
        }
        if (aggregate.Function == AggregateFunction.CountDistinct && value.GetInt64() > AggregationCompiler.PrecisionThreshold)
        {
            approximate = true;
        }
        // Sums of scaled_float come back as doubles (11.629999999999999): 15 significant digits restore the cents.
        return decimal.Round((decimal)value.GetDouble(), 10);
    }

    /// <summary>The bucket's start (epoch ms) as Core's local key in the query's zone.</summary>
    private static string BucketKey(ValidatedQuery query, JsonElement start) =>
        Buckets.Key(TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(start.GetInt64()), query.Zone).DateTime, query.Bucket!.Value);

    /// <summary>A bucket key as text: keyword keys are strings, numeric ones (rating) their JSON number, missing ones null.</summary>
    public static string? Text(JsonElement key) => key.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => key.GetString(),
        JsonValueKind.Number => key.TryGetInt64(out var whole) ? whole.ToString(CultureInfo.InvariantCulture) : key.GetRawText(),
        _ => key.GetRawText(),
    };

    /// <summary>Elasticsearch answers 200 with partial results when shards fail or time out; an aggregate must be complete.</summary>
    public static void ThrowOnPartialResults(JsonElement root, string operation)
    {
        if (root.TryGetProperty("timed_out", out var timedOut) && timedOut.ValueKind == JsonValueKind.True)
        {
            throw new ElasticsearchException(operation, 200, null, "the search timed out; the result would be incomplete");
        }
        if (root.TryGetProperty("_shards", out var shards) && shards.TryGetProperty("failed", out var failed) && failed.GetInt32() > 0)
        {
            throw new ElasticsearchException(operation, 200, null, $"{failed.GetInt32()} shard(s) failed; the result would be incomplete");
        }
    }
}
