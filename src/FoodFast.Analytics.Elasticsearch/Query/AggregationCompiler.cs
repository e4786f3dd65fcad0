using System.Text.Json.Nodes;
using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Queries.Catalogue;

namespace FoodFast.Analytics.Elasticsearch.Query;

/// <summary>
/// Compiles one <see cref="SearchPlan"/> of a validated query to a <c>_search</c> body (size 0). Groups are a
/// <c>composite</c> aggregation paged with <c>after_key</c>, so every group is exact and none is cut off; the time
/// bucket is its first source, a <c>date_histogram</c> with the query's time zone and no <c>format</c>: its keys and
/// <c>after_key</c> stay epoch milliseconds, unique even for the two 02:00 hours of an autumn DST day, and
/// <see cref="AggregationReader"/> formats them as Core's local bucket keys only for output. Metrics are sub-aggregations named <c>m&lt;index&gt;</c>; labels <c>l&lt;index&gt;</c>.
/// Names come from the catalogue; client values only travel as term values and bounds.
/// </summary>
public static class AggregationCompiler
{
    public const int PageSize = 1000;

    /// <summary>HyperLogLog++ is near-exact below this many distinct values (the maximum Elasticsearch allows).</summary>
    public const int PrecisionThreshold = 40000;

    public const string Groups = "groups";
    public const string BucketSource = "bucket";
    public const string CustomerSource = "customer";

    public static JsonObject Compile(ValidatedQuery query, SearchPlan plan)
    {
        var timeField = SearchTargets.TimeField(query.Dataset, plan.Basis);
        var body = new JsonObject
        {
            ["size"] = 0,
            ["track_total_hits"] = true,
            ["query"] = SearchFilters.Bool(query, plan, timeField),
        };
        if (SearchFilters.RuntimeMappings(query, timeField) is { } runtime)
        {
            body["runtime_mappings"] = runtime;
        }
        var metrics = Metrics(query, plan);
        var sources = Sources(query, plan, timeField);
        if (sources.Count == 0)
        {
            body["aggs"] = metrics;
            return body;
        }
        var composite = new JsonObject { ["size"] = PageSize, ["sources"] = sources };
        var group = new JsonObject { ["composite"] = composite };
        if (metrics.Count > 0)
        {
            group["aggs"] = metrics;
        }
        body["aggs"] = new JsonObject { [Groups] = group };
        return body;
    }

    public static bool HasSources(ValidatedQuery query, SearchPlan plan) =>
        (plan.Bucketed && query.Bucket is not null) || plan.Dimensions.Count > 0 || plan.Customers is not null;

    private static JsonArray Sources(ValidatedQuery query, SearchPlan plan, string timeField)
    {
        var sources = new JsonArray();
        if (plan.Bucketed && query.Bucket is { } bucket)
        {
            sources.Add(new JsonObject
            {
                [BucketSource] = new JsonObject
                {
                    ["date_histogram"] = new JsonObject
                    {
                        ["field"] = timeField,
                        ["calendar_interval"] = bucket.ToString().ToLowerInvariant(),
                        ["time_zone"] = query.Zone.Id,
                    },
                },
            });
        }
        foreach (var i in plan.Dimensions)
        {
            sources.Add(Source($"d{i}", SearchFilters.FieldOf(query.GroupBy[i])));
        }
        if (plan.Customers is not null)
        {
            sources.Add(Source(CustomerSource, "customer_id"));
        }
        return sources;
    }

    // missing_bucket: rows without the field form a group of their own (key null), as a SQL GROUP BY does.
    private static JsonObject Source(string name, string field) =>
        new() { [name] = new JsonObject { ["terms"] = new JsonObject { ["field"] = field, ["missing_bucket"] = true } } };

    private static JsonObject Metrics(ValidatedQuery query, SearchPlan plan)
    {
        var aggs = new JsonObject();
        foreach (var i in plan.Metrics)
        {
            if (Metric(query.BaseMetrics[i].Base!) is { } metric)
            {
                aggs[$"m{i}"] = metric;
            }
        }
        if (plan.Labels && plan.Top is not { Complement: true })
        {
            foreach (var i in plan.Dimensions.Where(i => query.GroupBy[i].LabelField is not null))
            {
                // The greatest label, as the Postgres compiler's max(label): one name per key even if it was renamed.
                aggs[$"l{i}"] = new JsonObject
                {
                    ["terms"] = new JsonObject { ["field"] = query.GroupBy[i].LabelField + ".keyword", ["size"] = 1, ["order"] = new JsonObject { ["_key"] = "desc" } },
                };
            }
        }
        return aggs;
    }

    /// <summary>The aggregation of a base metric; null when the bucket's doc_count is the answer (a plain row count).</summary>
    public static JsonObject? Metric(BaseAggregate aggregate)
    {
        JsonObject? value = aggregate.Function switch
        {
            AggregateFunction.Sum => new JsonObject { ["sum"] = new JsonObject { ["field"] = aggregate.Field } },
            AggregateFunction.CountDistinct => new JsonObject
            {
                ["cardinality"] = new JsonObject { ["field"] = aggregate.Field, ["precision_threshold"] = PrecisionThreshold },
            },
            _ => null,
        };
        if (aggregate.When is not { } when)
        {
            return value;
        }
        var filtered = new JsonObject { ["filter"] = Condition(when) };
        if (value is not null)
        {
            filtered["aggs"] = new JsonObject { ["v"] = value };
        }
        return filtered;
    }

    private static JsonObject Condition(RowCondition condition) => condition switch
    {
        RowCondition.HasUnitCost => Exists("unit_cost"),
        RowCondition.HasRating => Exists("rating"),
        RowCondition.IsPurchase => SearchFilters.Terms("type", ["purchase", "checkout_complete"]),
        RowCondition.FreeShipping => new JsonObject { ["term"] = new JsonObject { ["shipping"] = 0 } },
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, "answered by the new-customers pass, not by a sub-aggregation"),
    };

    private static JsonObject Exists(string field) => new() { ["exists"] = new JsonObject { ["field"] = field } };
}
