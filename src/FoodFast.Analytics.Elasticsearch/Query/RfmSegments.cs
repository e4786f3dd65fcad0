using System.Text.Json;
using System.Text.Json.Nodes;
using FoodFast.Analytics.Core.Queries.Families;
using FoodFast.Analytics.Elasticsearch.Indices;

namespace FoodFast.Analytics.Elasticsearch.Query;

/// <summary>
/// RFM segments: a composite over customer_id of the shop's orders before AsOf, with each customer's first order, and
/// within the lookback their last order, order count and Σ total per currency. Labelled and averaged here with the
/// rules of <see cref="SegmentQuery"/>. Exact; cost: one request per 1,000 customers with an order before AsOf.
/// </summary>
public sealed class RfmSegments(CompositePager pager, IndexNames names)
{
    private sealed record Customer(DateTimeOffset First, DateTimeOffset Last, long Orders, Dictionary<string, decimal> Money);

    public async Task<IReadOnlyList<Segment>> ComputeAsync(SegmentQuery query, CancellationToken cancellationToken)
    {
        var customers = new List<Customer>();
        await foreach (var root in pager.PagesAsync(names.Orders.ReadAlias, "search_segments", "customers", Body(query), cancellationToken))
        {
            if (!root.TryGetProperty("aggregations", out var aggs))
            {
                break;
            }
            foreach (var bucket in aggs.GetProperty("customers").GetProperty("buckets").EnumerateArray())
            {
                var recent = bucket.GetProperty("recent");
                if (recent.GetProperty("doc_count").GetInt64() == 0)
                {
                    continue; // no order in the lookback: not a customer of this analysis, as in Postgres
                }
                var money = recent.GetProperty("currencies").GetProperty("buckets").EnumerateArray()
                    .ToDictionary(c => c.GetProperty("key").GetString()!, c => (decimal)c.GetProperty("total").GetProperty("value").GetDouble());
                customers.Add(new Customer(Epoch(bucket.GetProperty("first")), Epoch(recent.GetProperty("last")), recent.GetProperty("doc_count").GetInt64(), money));
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

    private static DateTimeOffset Epoch(JsonElement min) => DateTimeOffset.FromUnixTimeMilliseconds((long)min.GetProperty("value").GetDouble());

    public static JsonObject Body(SegmentQuery query)
    {
        var filter = SearchFilters.ShopScope(query.ShopId);
        filter.Add(new JsonObject { ["range"] = new JsonObject { ["created_at"] = new JsonObject { ["lt"] = SearchFilters.Iso(query.AsOf), ["format"] = "strict_date_optional_time" } } });
        filter.Add(new JsonObject { ["exists"] = new JsonObject { ["field"] = "customer_id" } });
        var lookback = new JsonObject { ["range"] = new JsonObject { ["created_at"] = new JsonObject { ["gte"] = SearchFilters.Iso(query.AsOf.AddDays(-query.LookbackDays)), ["format"] = "strict_date_optional_time" } } };
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
                        ["size"] = 1000,
                        ["sources"] = new JsonArray(new JsonObject { ["customer"] = new JsonObject { ["terms"] = new JsonObject { ["field"] = "customer_id" } } }),
                    },
                    ["aggs"] = new JsonObject
                    {
                        ["first"] = new JsonObject { ["min"] = new JsonObject { ["field"] = "created_at" } },
                        ["recent"] = new JsonObject
                        {
                            ["filter"] = lookback,
                            ["aggs"] = new JsonObject
                            {
                                ["last"] = new JsonObject { ["max"] = new JsonObject { ["field"] = "created_at" } },
                                ["currencies"] = new JsonObject
                                {
                                    ["terms"] = new JsonObject { ["field"] = "currency", ["size"] = 50 },
                                    ["aggs"] = new JsonObject { ["total"] = new JsonObject { ["sum"] = new JsonObject { ["field"] = "total" } } },
                                },
                            },
                        },
                    },
                },
            },
        };
    }
}
