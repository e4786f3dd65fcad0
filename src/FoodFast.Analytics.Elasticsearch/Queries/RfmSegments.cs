using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using FoodFast.Analytics.Core.Queries.Families;
using FoodFast.Analytics.Elasticsearch.Indices;
using Es = Elastic.Clients.Elasticsearch.QueryDsl;

namespace FoodFast.Analytics.Elasticsearch.Queries;

/// <summary>
/// RFM segments: a composite over customer_id of the shop's orders before AsOf, with each customer's first order, and
/// within the lookback their last order, order count and Σ total per currency. Labelled and averaged here with the
/// rules of <see cref="SegmentQuery"/>. Exact; cost: one request per 1,000 customers with an order before AsOf.
/// </summary>
public sealed class RfmSegments(CompositePager pager, IndexNames names)
{
    private const string Customers = "customers";

    private sealed record Customer(DateTimeOffset First, DateTimeOffset Last, long Orders, Dictionary<string, decimal> Money);

    public async Task<IReadOnlyList<Segment>> ComputeAsync(SegmentQuery query, CancellationToken cancellationToken)
    {
        var customers = new List<Customer>();
        await foreach (var response in pager.PagesAsync(names.Orders.ReadAlias, "search_segments", Customers, Request(query), cancellationToken))
        {
            foreach (var bucket in CompositePager.Buckets(response, Customers))
            {
                var recent = bucket.Aggregations!.GetFilter("recent")!;
                if (recent.DocCount == 0)
                {
                    continue; // no order in the lookback: not a customer of this analysis, as in Postgres
                }
                var money = recent.Aggregations!.GetStringTerms("currencies")!.Buckets
                    .ToDictionary(c => (string)c.Key.Value!, c => (decimal)(c.Aggregations!.GetSum("total")!.Value ?? 0));
                customers.Add(new Customer(Epoch(bucket.Aggregations.GetMin("first")!.Value), Epoch(recent.Aggregations.GetMax("last")!.Value), recent.DocCount, money));
            }
        }
        return customers.GroupBy(c => Label(c, query.AsOf)).Select(g => new Segment(
            g.Key, g.Count(),
            Math.Round((decimal)g.Average(c => c.Orders), 2, MidpointRounding.AwayFromZero),
            Math.Round((decimal)g.Average(c => (query.AsOf - c.Last).TotalDays), 1, MidpointRounding.AwayFromZero),
            g.SelectMany(c => c.Money).GroupBy(m => m.Key).ToDictionary(m => m.Key, m => m.Sum(x => x.Value)))).ToList();
    }

    private static string Label(Customer c, DateTimeOffset asOf) =>
        c.Last < asOf.AddDays(-180) ? "lost"
        : c.Last < asOf.AddDays(-60) ? "at_risk"
        : c.First >= asOf.AddDays(-30) ? "new"
        : c.Orders >= 5 && c.Last >= asOf.AddDays(-30) ? "champions"
        : "loyal";

    private static DateTimeOffset Epoch(double? millis) => DateTimeOffset.FromUnixTimeMilliseconds((long)millis!.Value);

    public static SearchRequest Request(SegmentQuery query)
    {
        var filter = SearchFilters.Scope(query.ShopId);
        filter.Add(SearchFilters.Range("created_at", null, query.AsOf));
        filter.Add(new Es.ExistsQuery("customer_id"));
        var currencies = new Aggregation
        {
            Terms = new TermsAggregation { Field = "currency", Size = 50 },
            Aggregations = new Dictionary<string, Aggregation> { ["total"] = new SumAggregation { Field = "total" } },
        };
        var recent = new Aggregation
        {
            Filter = SearchFilters.Range("created_at", query.AsOf.AddDays(-query.LookbackDays), null),
            Aggregations = new Dictionary<string, Aggregation> { ["last"] = new MaxAggregation { Field = "created_at" }, ["currencies"] = currencies },
        };
        return new SearchRequest
        {
            Size = 0,
            Query = new Es.BoolQuery { Filter = filter },
            Aggregations = new Dictionary<string, Aggregation>
            {
                [Customers] = new Aggregation
                {
                    Composite = CompositePager.Over(1000, ("customer", "customer_id")),
                    Aggregations = new Dictionary<string, Aggregation> { ["first"] = new MinAggregation { Field = "created_at" }, ["recent"] = recent },
                },
            },
        };
    }
}
