using System.Globalization;
using System.Text.Json;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Queries.Families;
using FoodFast.Analytics.Elasticsearch.Indices;
using Es = Elastic.Clients.Elasticsearch.QueryDsl;

namespace FoodFast.Analytics.Elasticsearch.Queries;

/// <summary>
/// Retention cohorts: the customers whose first order falls in the range (<see cref="NewCustomers"/>), then, 1,000 of
/// them a request, a composite over customer_id with a date_histogram of their orders per period (month or ISO week,
/// in the query's time zone). Orders and the histogram are bounded to the <see cref="RetentionWindow"/>, and a page holds
/// only as many customers as fit <c>search.max_buckets</c> with all their periods. Exact; cost: the new-customers
/// passes plus one request per page of cohort customers.
/// </summary>
public sealed class RetentionCohorts(CompositePager pager, IndexNames names, NewCustomers newCustomers)
{
    private const string Customers = "customers";

    public async Task<IReadOnlyList<(string Cohort, long Size, IReadOnlyList<long> Active)>> ComputeAsync(RetentionQuery query, CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(query.TimeZone);
        var firsts = await newCustomers.FindAsync(query.ShopId, query.From, query.To, cancellationToken);
        var cohorts = new SortedDictionary<string, long[]>(StringComparer.Ordinal);
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var chunk in firsts.Keys.Order(StringComparer.Ordinal).Chunk(1000))
        {
            await foreach (var response in pager.PagesAsync(names.Orders.ReadAlias, "search_retention", Customers, Request(query, chunk), cancellationToken))
            {
                foreach (var (customer, active) in Read(response))
                {
                    var cohort = Buckets.Key(Buckets.Truncate(TimeZoneInfo.ConvertTime(firsts[customer], zone).DateTime, query.Period), query.Period);
                    var row = cohorts.TryGetValue(cohort, out var seen) ? seen : cohorts[cohort] = new long[query.Periods];
                    sizes[cohort] = sizes.GetValueOrDefault(cohort) + 1;
                    foreach (var offset in active.Select(p => Offset(cohort, p, query.Period)).Where(o => o >= 0 && o < query.Periods).Distinct())
                    {
                        row[offset]++;
                    }
                }
            }
        }
        return cohorts.Select(c => (c.Key, sizes[c.Key], (IReadOnlyList<long>)c.Value)).ToList();
    }

    public static SearchRequest Request(RetentionQuery query, IReadOnlyList<string> customers)
    {
        var window = RetentionWindow.Of(query);
        var filter = SearchFilters.Scope(query.ShopId);
        filter.Add(SearchFilters.AnyOf("customer_id", customers));
        filter.Add(SearchFilters.Range("created_at", window.Start, window.End));
        var periods = new DateHistogramAggregation
        {
            Field = "created_at",
            CalendarInterval = query.Period == TimeBucket.Week ? CalendarInterval.Week : CalendarInterval.Month,
            TimeZone = query.TimeZone,
            Format = "yyyy-MM-dd",
            MinDocCount = 1,
            HardBounds = new ExtendedBounds<FieldDateMath> { Min = window.Start.ToUnixTimeMilliseconds(), Max = window.End.ToUnixTimeMilliseconds() - 1 },
        };
        return new SearchRequest
        {
            Size = 0,
            Query = new Es.BoolQuery { Filter = filter },
            Aggregations = new Dictionary<string, Aggregation>
            {
                [Customers] = new Aggregation
                {
                    Composite = CompositePager.Over(window.PageSize, ("customer", "customer_id")),
                    Aggregations = new Dictionary<string, Aggregation> { ["periods"] = periods },
                },
            },
        };
    }

    public static List<(string Customer, List<string> Periods)> Read(SearchResponse<JsonElement> response) =>
        CompositePager.Buckets(response, Customers).Select(bucket => (
            (string)bucket.Key["customer"].Value!,
            bucket.Aggregations!.GetDateHistogram("periods")!.Buckets.Where(p => p.DocCount > 0).Select(p => p.KeyAsString!).ToList())).ToList();

    private static int Offset(string cohort, string period, TimeBucket unit)
    {
        var from = DateTime.ParseExact(cohort, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = DateTime.ParseExact(period, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return unit == TimeBucket.Week ? (int)Math.Floor((to - from).TotalDays / 7) : (to.Year * 12 + to.Month) - (from.Year * 12 + from.Month);
    }
}
