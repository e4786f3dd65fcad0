using FoodFast.Analytics.Core.Ingestion.Validation;
using FoodFast.Analytics.Core.Queries.Catalogue;
using FoodFast.Analytics.Core.Validation;

namespace FoodFast.Analytics.Core.Queries;

/// <summary>Checks a query against the catalogue and the cost caps; every problem names the field and, for names, lists the valid ones.</summary>
public static class QueryValidator
{
    public static ValidatedQuery? Validate(AnalyticsQuery query, List<FieldProblem> problems)
    {
        var before = problems.Count;
        if (!Datasets.All.Contains(query.Dataset))
        {
            problems.Add(new FieldProblem("dataset", $"'{query.Dataset}' is not a dataset; valid: {string.Join(", ", Datasets.All)}"));
            return null;
        }
        var metrics = MetricCatalogue.For(query.Dataset);
        var dimensions = DimensionCatalogue.For(query.Dataset);
        if (query.Metrics.Count is 0 or > QueryLimits.MaxMetrics)
        {
            problems.Add(new FieldProblem("metrics", $"must name 1 to {QueryLimits.MaxMetrics} metrics; valid for {query.Dataset}: {string.Join(", ", metrics.Keys)}"));
        }
        var requested = Resolve(query.Metrics, metrics, "metrics", $"metric of {query.Dataset}", problems);
        var groupBy = Resolve(query.GroupBy, dimensions, "groupBy", $"dimension of {query.Dataset}", problems);
        var filters = new List<(DimensionDefinition, DimensionFilter)>();
        for (var i = 0; i < query.Filters.Count; i++)
        {
            var filter = query.Filters[i];
            if (filter is null)
            {
                problems.Add(new FieldProblem($"filters[{i}]", "must be an object {dimension, values, exclude?}, got null"));
            }
            else if (filter.Dimension is null || !dimensions.TryGetValue(filter.Dimension, out var dimension))
            {
                problems.Add(new FieldProblem($"filters[{i}].dimension", Unknown(filter.Dimension, $"dimension of {query.Dataset}", dimensions.Keys)));
            }
            else if (filter.Values is null || filter.Values.Count is 0 or > QueryLimits.MaxFilterValues)
            {
                problems.Add(new FieldProblem($"filters[{i}].values", $"must hold 1 to {QueryLimits.MaxFilterValues} values"));
            }
            else if (filter.Values.Any(v => v is null || v.Length > ValidationRules.TextLength || !Patterns.IsStorableText(v)))
            {
                problems.Add(new FieldProblem($"filters[{i}].values", $"must be texts of at most {ValidationRules.TextLength} characters, valid Unicode without NUL"));
            }
            else
            {
                filters.Add((dimension, filter));
            }
        }
        var rangeFields = DimensionCatalogue.RangeFieldsFor(query.Dataset);
        for (var i = 0; i < query.Ranges.Count; i++)
        {
            var range = query.Ranges[i];
            if (range is null)
            {
                problems.Add(new FieldProblem($"ranges[{i}]", "must be an object {field, min?, max?}, got null"));
            }
            else if (range.Field is null || !rangeFields.Contains(range.Field))
            {
                problems.Add(new FieldProblem($"ranges[{i}].field", Unknown(range.Field, $"numeric field of {query.Dataset}", rangeFields)));
            }
            else if (range is { Min: { } min, Max: { } max } && min > max)
            {
                problems.Add(new FieldProblem($"ranges[{i}].min", $"must not be above max ({min} > {max})"));
            }
        }
        CheckTime(query, problems);
        CheckShape(query, metrics, dimensions, problems);
        if (query.GroupBy.Count > QueryLimits.MaxGroupBy)
        {
            problems.Add(new FieldProblem("groupBy", $"must name at most {QueryLimits.MaxGroupBy} dimensions"));
        }
        if (!IanaTimeZone.TryFind(query.TimeZone, out var zone))
        {
            problems.Add(new FieldProblem("timeZone", IanaTimeZone.Problem(query.TimeZone)));
        }
        if (problems.Count > before)
        {
            return null;
        }
        var allMetrics = Closure(requested, metrics);
        var grouping = WithCurrency(query, groupBy, dimensions, allMetrics);
        var baseMetrics = allMetrics.Where(m => m.Base is not null).ToList();
        var ranking = query.Sort is { } sort && metrics.TryGetValue(sort.By, out var sorted) ? sorted : requested[0];
        while (ranking.Derived is { } derived)
        {
            ranking = metrics[derived.Left];
        }
        return new ValidatedQuery(query, zone, requested, baseMetrics, grouping, filters, baseMetrics.IndexOf(ranking));
    }

    private static void CheckTime(AnalyticsQuery query, List<FieldProblem> problems)
    {
        if (query.From == default || query.To == default)
        {
            foreach (var (name, value) in new[] { ("from", query.From), ("to", query.To) }.Where(t => t.Item2 == default))
            {
                problems.Add(new FieldProblem(name, $"is required: {Wire.IsoTime.Expected}"));
            }
        }
        else if (query.To <= query.From)
        {
            problems.Add(new FieldProblem("to", "must be after from"));
        }
        else if (query.To - query.From > QueryLimits.MaxRange)
        {
            problems.Add(new FieldProblem("to", $"the range may span at most {QueryLimits.MaxRange.TotalDays:0} days"));
        }
        else if (query.Bucket is { } bucket && Buckets.Count(query.From, query.To, bucket) > QueryLimits.MaxBuckets)
        {
            problems.Add(new FieldProblem("bucket", $"'{Wire.WireNames.Of(bucket)}' over this range gives more than {QueryLimits.MaxBuckets} buckets; use a coarser bucket"));
        }
    }

    private static void CheckShape(AnalyticsQuery query, IReadOnlyDictionary<string, MetricDefinition> metrics, IReadOnlyDictionary<string, DimensionDefinition> dimensions, List<FieldProblem> problems)
    {
        if (query.Top is { } top && (top < 1 || top > QueryLimits.MaxTop || query.GroupBy.Count == 0))
        {
            problems.Add(new FieldProblem("top", $"must be 1 to {QueryLimits.MaxTop}, with at least one groupBy dimension"));
        }
        if (query.Limit is < 1 or > QueryLimits.MaxLimit)
        {
            problems.Add(new FieldProblem("limit", $"must be 1 to {QueryLimits.MaxLimit}"));
        }
        if (query.Sort is { By: null })
        {
            problems.Add(new FieldProblem("sort.by", "is required: a requested metric, a dimension, or 'bucket'"));
        }
        else if (query.Sort is { } sort && !metrics.ContainsKey(sort.By) && !dimensions.ContainsKey(sort.By) && sort.By != "bucket")
        {
            problems.Add(new FieldProblem("sort.by", $"'{sort.By}' is neither a requested metric, a dimension, nor 'bucket'"));
        }
        else if (query.Sort is { } s && metrics.ContainsKey(s.By) && !query.Metrics.Contains(s.By))
        {
            problems.Add(new FieldProblem("sort.by", $"'{s.By}' must also be one of the requested metrics"));
        }
    }

    private static List<T> Resolve<T>(IReadOnlyList<string> names, IReadOnlyDictionary<string, T> known, string field, string what, List<FieldProblem> problems)
    {
        var found = new List<T>();
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] is null)
            {
                problems.Add(new FieldProblem($"{field}[{i}]", $"must be a {what}, got null; valid: {string.Join(", ", known.Keys)}"));
            }
            else if (known.TryGetValue(names[i], out var definition))
            {
                found.Add(definition);
            }
            else
            {
                problems.Add(new FieldProblem($"{field}[{i}]", Unknown(names[i], what, known.Keys)));
            }
        }
        return found;
    }

    private static string Unknown(string? name, string what, IEnumerable<string> valid) =>
        $"'{(name is { Length: > 64 } ? name[..64] + "…" : name)}' is not a {what}; valid: {string.Join(", ", valid)}";

    /// <summary>The requested metrics and every metric they derive from, each once.</summary>
    private static List<MetricDefinition> Closure(List<MetricDefinition> requested, IReadOnlyDictionary<string, MetricDefinition> metrics)
    {
        var all = new List<MetricDefinition>();
        void Add(MetricDefinition metric)
        {
            if (all.Contains(metric))
            {
                return;
            }
            if (metric.Derived is { } d)
            {
                Add(metrics[d.Left]);
                Add(metrics[d.Right]);
                if (d.Third is not null)
                {
                    Add(metrics[d.Third]);
                }
            }
            all.Add(metric);
        }
        requested.ForEach(Add);
        return all;
    }

    /// <summary>Money is never summed across currencies: without a currency group or a single-currency filter, group by currency.</summary>
    private static List<DimensionDefinition> WithCurrency(AnalyticsQuery query, List<DimensionDefinition> groupBy, IReadOnlyDictionary<string, DimensionDefinition> dimensions, List<MetricDefinition> metrics)
    {
        var oneCurrency = query.Filters.Any(f => f.Dimension == "currency" && !f.Exclude && f.Values.Count == 1);
        if (metrics.Any(m => m.IsMoney) && !oneCurrency && groupBy.All(d => d.Name != "currency") && dimensions.TryGetValue("currency", out var currency))
        {
            return [.. groupBy, currency];
        }
        return groupBy;
    }
}
