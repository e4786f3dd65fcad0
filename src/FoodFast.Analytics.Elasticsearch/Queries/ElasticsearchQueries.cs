using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Queries.Catalogue;

namespace FoodFast.Analytics.Elasticsearch.Queries;

/// <summary>
/// Aggregate queries on Elasticsearch, mirroring the Postgres compiler: one search per time basis (created, refunded,
/// cancelled), merged by (bucket, keys) as its UNION ALL does. A top-N ranks the first dimension's groups first, then
/// asks once for the top N (as a terms filter) and once for the rest (must_not) as the <c>other</c> row, so distinct
/// counts of <c>other</c> stay exact. New customers come from a separate pass (<see cref="NewCustomers"/>).
/// </summary>
public sealed class ElasticsearchQueries(AggregationSearch search, NewCustomers newCustomers) : IAnalyticsQueries
{
    public async Task<AggregateTable> AggregateAsync(ValidatedQuery query, CancellationToken cancellationToken)
    {
        var merged = new RowMerger(query);
        var allDimensions = Enumerable.Range(0, query.GroupBy.Count).ToList();
        var scopes = new List<(IReadOnlyList<int> Dimensions, TopScope? Top)>();
        if (query.Query.Top is { } top && query.GroupBy.Count > 0)
        {
            var ranked = await TopKeysAsync(query, top, cancellationToken);
            scopes.Add((allDimensions, new TopScope(ranked.Top, Complement: false)));
            if (ranked.HasRest)
            {
                scopes.Add((allDimensions.Skip(1).ToList(), new TopScope(ranked.Top, Complement: true)));
            }
        }
        else
        {
            scopes.Add((allDimensions, null));
        }

        foreach (var (dimensions, scope) in scopes)
        {
            foreach (var basis in query.BaseMetrics.Select(m => m.Basis).Distinct())
            {
                var metrics = MetricsOf(query, basis);
                var (rows, approximate) = await search.RunAsync(query, new SearchPlan(basis, dimensions, metrics) { Top = scope }, cancellationToken);
                merged.Add(rows, scope is { Complement: true }, approximate);
            }
            if (FirstOrderMetric(query) is { } index)
            {
                var counted = await NewCustomerRowsAsync(query, new SearchPlan(TimeBasis.Primary, dimensions, []) { Top = scope }, index, cancellationToken);
                merged.Add(counted, scope is { Complement: true }, approximate: false);
            }
        }
        return merged.ToTable();
    }

    private static List<int> MetricsOf(ValidatedQuery query, TimeBasis basis) => Enumerable.Range(0, query.BaseMetrics.Count)
        .Where(i => query.BaseMetrics[i].Basis == basis && query.BaseMetrics[i].Base!.When != RowCondition.FirstOrderInBucket).ToList();

    private static int? FirstOrderMetric(ValidatedQuery query)
    {
        var index = query.BaseMetrics.ToList().FindIndex(m => m.Base!.When == RowCondition.FirstOrderInBucket);
        return index < 0 ? null : index;
    }

    /// <summary>
    /// Rows of (bucket, keys) with the number of distinct customers that ordered there and whose first order of the shop
    /// falls in the same bucket (any bucket of the range when the query has none), as the Postgres compiler's join on first_orders.
    /// </summary>
    private async Task<List<PartialRow>> NewCustomerRowsAsync(ValidatedQuery query, SearchPlan plan, int metric, CancellationToken cancellationToken)
    {
        var firsts = await newCustomers.FindAsync(query.Query.ShopId, query.Query.From, query.Query.To, cancellationToken);
        var counts = new Dictionary<string, (PartialRow Row, int Count)>(StringComparer.Ordinal);
        foreach (var chunk in firsts.Keys.Order(StringComparer.Ordinal).Chunk(1000))
        {
            var (rows, _) = await search.RunAsync(query, plan with { Customers = chunk }, cancellationToken);
            foreach (var row in rows.Where(r => BucketOf(query, firsts[r.Customer!]) == r.Bucket))
            {
                var key = RowMerger.KeyOf(row.Bucket, row.Keys);
                counts[key] = counts.TryGetValue(key, out var seen) ? (seen.Row, seen.Count + 1) : (row, 1);
            }
        }
        return counts.Values.Select(c => c.Row with { Values = new Dictionary<int, decimal> { [metric] = c.Count }, Customer = null }).ToList();
    }

    private static string? BucketOf(ValidatedQuery query, DateTimeOffset at) => query.Bucket is { } bucket
        ? Buckets.Key(Buckets.Truncate(TimeZoneInfo.ConvertTime(at, query.Zone).DateTime, bucket), bucket)
        : null;

    /// <summary>The first dimension's groups ranked by the rank metric over the whole range (descending, then by key, missing last).</summary>
    private async Task<(IReadOnlyList<string?> Top, bool HasRest)> TopKeysAsync(ValidatedQuery query, int top, CancellationToken cancellationToken)
    {
        var rank = new Dictionary<string, (string? Key, decimal Value)>(StringComparer.Ordinal);
        var rankMetric = query.BaseMetrics[query.RankIndex];
        void Add(string? key, decimal value)
        {
            var id = RowMerger.KeyOf(null, [key]);
            rank[id] = (key, (rank.TryGetValue(id, out var seen) ? seen.Value : 0) + value);
        }
        foreach (var basis in query.BaseMetrics.Select(m => m.Basis).Distinct())
        {
            var metrics = rankMetric.Basis == basis && rankMetric.Base!.When != RowCondition.FirstOrderInBucket ? new[] { query.RankIndex } : [];
            var (rows, _) = await search.RunAsync(query, new SearchPlan(basis, [0], metrics) { Bucketed = false, Labels = false }, cancellationToken);
            foreach (var row in rows)
            {
                Add(row.Keys[0], row.Values.GetValueOrDefault(query.RankIndex));
            }
        }
        if (rankMetric.Base!.When == RowCondition.FirstOrderInBucket)
        {
            foreach (var row in await NewCustomerRowsAsync(query, new SearchPlan(TimeBasis.Primary, [0], []), query.RankIndex, cancellationToken))
            {
                Add(row.Keys[0], row.Values[query.RankIndex]); // per bucket: distinct customers add up, as each is new in one bucket only
            }
        }
        var ordered = rank.Values.OrderByDescending(r => r.Value).ThenBy(r => r.Key is null).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
        return (ordered.Take(top).Select(r => r.Key).ToList(), ordered.Count > top);
    }
}
