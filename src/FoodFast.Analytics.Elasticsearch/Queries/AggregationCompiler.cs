using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.Core.Search;
using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Queries.Catalogue;
using Es = Elastic.Clients.Elasticsearch.QueryDsl;

namespace FoodFast.Analytics.Elasticsearch.Queries;

/// <summary>
/// Compiles one <see cref="SearchPlan"/> of a validated query to a typed <c>_search</c> request (size 0). Groups are a
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

    public static SearchRequest Compile(ValidatedQuery query, SearchPlan plan)
    {
        var timeField = SearchTargets.TimeField(query.Dataset, plan.Basis);
        var request = new SearchRequest
        {
            Size = 0,
            TrackTotalHits = new TrackHits(true),
            Query = SearchFilters.Bool(query, plan, timeField),
            RuntimeMappings = SearchFilters.RuntimeMappings(query, timeField),
        };
        var metrics = Metrics(query, plan);
        var sources = Sources(query, plan, timeField);
        if (sources.Count == 0)
        {
            request.Aggregations = metrics;
            return request;
        }
        request.Aggregations = new Dictionary<string, Aggregation>
        {
            [Groups] = new Aggregation
            {
                Composite = new CompositeAggregation { Size = PageSize, Sources = sources },
                Aggregations = metrics.Count > 0 ? metrics : null,
            },
        };
        return request;
    }

    public static bool HasSources(ValidatedQuery query, SearchPlan plan) =>
        (plan.Bucketed && query.Bucket is not null) || plan.Dimensions.Count > 0 || plan.Customers is not null;

    private static List<KeyValuePair<string, CompositeAggregationSource>> Sources(ValidatedQuery query, SearchPlan plan, string timeField)
    {
        var sources = new List<KeyValuePair<string, CompositeAggregationSource>>();
        if (plan.Bucketed && query.Bucket is { } bucket)
        {
            sources.Add(new(BucketSource, new CompositeAggregationSource
            {
                DateHistogram = new CompositeDateHistogramAggregation
                {
                    Field = timeField,
                    CalendarInterval = bucket.ToString().ToLowerInvariant(),
                    TimeZone = query.Zone.Id,
                },
            }));
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
    private static KeyValuePair<string, CompositeAggregationSource> Source(string name, string field) =>
        new(name, new CompositeAggregationSource { Terms = new CompositeTermsAggregation { Field = field, MissingBucket = true } });

    private static Dictionary<string, Aggregation> Metrics(ValidatedQuery query, SearchPlan plan)
    {
        var aggs = new Dictionary<string, Aggregation>();
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
                aggs[$"l{i}"] = new TermsAggregation
                {
                    Field = query.GroupBy[i].LabelField + ".keyword",
                    Size = 1,
                    Order = [new KeyValuePair<Field, SortOrder>("_key", SortOrder.Desc)],
                };
            }
        }
        return aggs;
    }

    /// <summary>The aggregation of a base metric; null when the bucket's doc_count is the answer (a plain row count).</summary>
    public static Aggregation? Metric(BaseAggregate aggregate)
    {
        Aggregation? value = aggregate.Function switch
        {
            AggregateFunction.Sum => new SumAggregation { Field = aggregate.Field! },
            AggregateFunction.CountDistinct => new CardinalityAggregation { Field = aggregate.Field!, PrecisionThreshold = PrecisionThreshold },
            _ => null,
        };
        if (aggregate.When is not { } when)
        {
            return value;
        }
        return new Aggregation
        {
            Filter = Condition(when),
            Aggregations = value is null ? null : new Dictionary<string, Aggregation> { ["v"] = value },
        };
    }

    private static Es.Query Condition(RowCondition condition) => condition switch
    {
        RowCondition.HasUnitCost => new Es.ExistsQuery("unit_cost"),
        RowCondition.HasRating => new Es.ExistsQuery("rating"),
        RowCondition.IsPurchase => SearchFilters.AnyOf("type", ["purchase", "checkout_complete"]),
        RowCondition.FreeShipping => new Es.TermQuery("shipping", 0L),
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, "answered by the new-customers pass, not by a sub-aggregation"),
    };
}
