using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Queries.Families;
using FoodFast.Analytics.Elasticsearch.Indices;

namespace FoodFast.Analytics.Elasticsearch.Query;

/// <summary>
/// Retention cohorts: the customers whose first order falls in the range (<see cref="NewCustomers"/>), then, 1,000 of
/// them a request, a composite over customer_id with a date_histogram of their orders per period (month or ISO week,
/// in the query's time zone). Orders and the histogram are bounded to the <see cref="RetentionWindow"/>, and a page holds
/// only as many customers as fit <c>search.max_buckets</c> with all their periods. Exact; cost: the new-customers
/// passes plus one request per page of cohort customers.
/// </summary>
public sealed class RetentionCohorts(CompositePager pager, IndexNames names, NewCustomers newCustomers)
{
    public async Task<IReadOnlyList<(string Cohort, long Size, IReadOnlyList<long> Active)>> ComputeAsync(RetentionQuery query, CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(query.TimeZone);
        var firsts = await newCustomers.FindAsync(query.ShopId, query.From, query.To, cancellationToken);
        var cohorts = new SortedDictionary<string, long[]>(StringComparer.Ordinal);
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var chunk in firsts.Keys.Order(StringComparer.Ordinal).Chunk(1000))
        {
            await foreach (var root in pager.PagesAsync(names.Orders.ReadAlias, "search_retention", "customers", Body(query, chunk), cancellationToken))
            {
                foreach (var (customer, active) in Read(root))
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

    public static JsonObject Body(RetentionQuery query, IReadOnlyList<string> customers)
    {
        var filter = SearchFilters.ShopScope(query.ShopId);
        filter.Add(SearchFilters.Terms("customer_id", customers));
        var window = RetentionWindow.Of(query);
        filter.Add(SearchFilters.DateRange("created_at", window.Start, window.End));
        return new JsonObject
        {
            ["size"] = 0,
            ["query"] = new JsonObject { ["bool"] = new JsonObject { ["filter"] = filter } },
            ["aggs"] = new JsonObject
            {
                ["customers"] = new JsonObject
                {
                    ["composite"] = new JsonObject
                    {
                        ["size"] = window.PageSize,
                        ["sources"] = new JsonArray(new JsonObject { ["customer"] = new JsonObject { ["terms"] = new JsonObject { ["field"] = "customer_id" } } }),
                    },
                    ["aggs"] = new JsonObject
                    {
                        ["periods"] = new JsonObject
                        {
                            ["date_histogram"] = new JsonObject
                            {
                                ["field"] = "created_at", ["calendar_interval"] = query.Period == TimeBucket.Week ? "week" : "month",
                                ["time_zone"] = query.TimeZone, ["format"] = "yyyy-MM-dd", ["min_doc_count"] = 1,
                                ["hard_bounds"] = new JsonObject
                                {
                                    ["min"] = window.Start.ToUnixTimeMilliseconds(), ["max"] = window.End.ToUnixTimeMilliseconds() - 1,
                                },
                            },
                        },
                    },
                },
            },
        };
    }

    public static List<(string Customer, List<string> Periods)> Read(JsonElement root)
    {
        var list = new List<(string, List<string>)>();
        if (!root.TryGetProperty("aggregations", out var aggs))
        {
            return list;
        }
        foreach (var bucket in aggs.GetProperty("customers").GetProperty("buckets").EnumerateArray())
        {
            var periods = bucket.GetProperty("periods").GetProperty("buckets").EnumerateArray()
                .Where(p => p.GetProperty("doc_count").GetInt64() > 0).Select(p => p.GetProperty("key_as_string").GetString()!).ToList();
            list.Add((bucket.GetProperty("key").GetProperty("customer").GetString()!, periods));
        }
        return list;
    }

    private static int Offset(string cohort, string period, TimeBucket unit)
    {
        var from = DateTime.ParseExact(cohort, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = DateTime.ParseExact(period, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return unit == TimeBucket.Week ? (int)Math.Floor((to - from).TotalDays / 7) : (to.Year * 12 + to.Month) - (from.Year * 12 + from.Month);
    }
}
