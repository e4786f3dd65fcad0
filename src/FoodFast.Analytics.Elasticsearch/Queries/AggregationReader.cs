using System.Globalization;
using System.Text.Json;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Queries.Catalogue;
using FoodFast.Analytics.Elasticsearch.Connection;

namespace FoodFast.Analytics.Elasticsearch.Queries;

/// <summary>One composite bucket (or the whole result without groups): keys by group-by index, metric values by base-metric index.</summary>
public sealed record PartialRow(string? Bucket, string?[] Keys, string?[] Labels, Dictionary<int, decimal> Values, string? Customer);

/// <summary>The rows of one answer (one composite page, or the whole result without groups).</summary>
public sealed record AggregationPage(IReadOnlyList<PartialRow> Rows, bool Approximate);

/// <summary>Reads the typed answer (typed_keys) of a search compiled by <see cref="AggregationCompiler"/>.</summary>
public static class AggregationReader
{
    public static AggregationPage Read(ValidatedQuery query, SearchPlan plan, SearchResponse<JsonElement> response)
    {
        var approximate = false;
        var aggs = response.Aggregations;
        if (!AggregationCompiler.HasSources(query, plan))
        {
            var total = response.HitsMetadata.Total?.Match(hits => hits!.Value, count => count) ?? 0;
            if (total == 0 || aggs is null)
            {
                return new AggregationPage([], false);
            }
            return new AggregationPage([Row(query, plan, null, aggs, total, ref approximate)], approximate);
        }
        if (aggs is null || !aggs.TryGetAggregate<CompositeAggregate>(AggregationCompiler.Groups, out var groups))
        {
            return new AggregationPage([], false); // no index matched: nothing was written yet
        }
        var rows = new List<PartialRow>();
        foreach (var bucket in groups.Buckets)
        {
            rows.Add(Row(query, plan, bucket.Key, bucket.Aggregations, bucket.DocCount, ref approximate));
        }
        return new AggregationPage(rows, approximate);
    }

    private static PartialRow Row(ValidatedQuery query, SearchPlan plan, IReadOnlyDictionary<string, FieldValue>? key, AggregateDictionary? aggs, long docCount, ref bool approximate)
    {
        var keys = new string?[query.GroupBy.Count];
        var labels = new string?[query.GroupBy.Count];
        string? bucketKey = null;
        string? customer = null;
        if (key is not null)
        {
            bucketKey = key.TryGetValue(AggregationCompiler.BucketSource, out var b) ? BucketKey(query, b) : null;
            customer = key.TryGetValue(AggregationCompiler.CustomerSource, out var c) ? Text(c) : null;
            foreach (var i in plan.Dimensions)
            {
                keys[i] = Text(key[$"d{i}"]);
            }
        }
        foreach (var i in plan.Dimensions)
        {
            if (aggs?.TryGetAggregate<StringTermsAggregate>($"l{i}", out var label) == true && label.Buckets.FirstOrDefault() is { } first)
            {
                labels[i] = Text(first.Key);
            }
        }
        var values = new Dictionary<int, decimal>();
        foreach (var i in plan.Metrics)
        {
            values[i] = Value(query.BaseMetrics[i].Base!, aggs, $"m{i}", docCount, ref approximate);
        }
        return new PartialRow(bucketKey, keys, labels, values, customer);
    }

    private static decimal Value(BaseAggregate aggregate, AggregateDictionary? aggs, string name, long docCount, ref bool approximate)
    {
        if (aggregate.Function == AggregateFunction.Count)
        {
            return aggregate.When is null ? docCount : aggs!.GetFilter(name)!.DocCount;
        }
        var owner = aggregate.When is null ? aggs! : aggs!.GetFilter(name)!.Aggregations!;
        var inner = aggregate.When is null ? name : "v";
        if (aggregate.Function == AggregateFunction.CountDistinct)
        {
            var distinct = owner.GetCardinality(inner)!.Value;
            approximate |= distinct > AggregationCompiler.PrecisionThreshold;
            return distinct;
        }
        // Sums of scaled_float come back as doubles (11.629999999999999): 15 significant digits restore the cents.
        return owner.GetSum(inner)!.Value is { } sum ? decimal.Round((decimal)sum, 10) : 0;
    }

    /// <summary>The bucket's start (epoch ms) as Core's local key in the query's zone.</summary>
    private static string BucketKey(ValidatedQuery query, FieldValue start) =>
        Buckets.Key(TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds((long)start.Value!), query.Zone).DateTime, query.Bucket!.Value);

    /// <summary>A bucket key as text: keyword keys are strings, numeric ones (rating) their number, missing ones null.</summary>
    public static string? Text(FieldValue key) => key.Value switch
    {
        null => null,
        string text => text,
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        IFormattable other => other.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString(),
    };

    /// <summary>Elasticsearch answers 200 with partial results when shards fail or time out; an aggregate must be complete.</summary>
    public static void ThrowOnPartialResults(SearchResponse<JsonElement> response, string operation)
    {
        if (response.TimedOut)
        {
            throw new ElasticsearchException(operation, 200, null, "the search timed out; the result would be incomplete");
        }
        if (response.Shards.Failed > 0)
        {
            throw new ElasticsearchException(operation, 200, null, $"{response.Shards.Failed} shard(s) failed; the result would be incomplete");
        }
    }
}
