using System.Text.Json;
using System.Text.Json.Nodes;
using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Elasticsearch.Indices;

namespace FoodFast.Analytics.Elasticsearch.Query;

/// <summary>
/// The customers whose first order of the shop falls in <c>[From, To)</c>, with that first instant. Two composite passes
/// over orders: customers with an order in the range and their earliest one there, then (1,000 customers a request)
/// which of them also ordered before <c>From</c>: those are not new. Cost: one request per 1,000 customers active in
/// the range, plus one per 1,000 of them for the earlier check; nothing outside the range is scanned per customer.
/// </summary>
public sealed class NewCustomers(CompositePager pager, IndexNames names)
{
    private const int Chunk = 1000;

    public async Task<Dictionary<string, DateTimeOffset>> FindAsync(string? shopId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var firsts = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await foreach (var (customer, first) in PageAsync(Body(shopId, SearchFilters.DateRange("created_at", from, to), null, withMin: true), cancellationToken))
        {
            firsts[customer] = first!.Value;
        }
        foreach (var chunk in firsts.Keys.ToList().Chunk(Chunk))
        {
            var before = new JsonObject { ["range"] = new JsonObject { ["created_at"] = new JsonObject { ["lt"] = SearchFilters.Iso(from), ["format"] = "strict_date_optional_time" } } };
            await foreach (var (customer, _) in PageAsync(Body(shopId, before, chunk, withMin: false), cancellationToken))
            {
                firsts.Remove(customer);
            }
        }
        return firsts;
    }

    /// <summary>A composite over customer_id of the shop's orders matching <paramref name="time"/>, optionally with each customer's earliest created_at.</summary>
    public static JsonObject Body(string? shopId, JsonObject time, IReadOnlyList<string>? customers, bool withMin)
    {
        var filter = SearchFilters.ShopScope(shopId);
        filter.Add(time);
        filter.Add(customers is null ? new JsonObject { ["exists"] = new JsonObject { ["field"] = "customer_id" } } : SearchFilters.Terms("customer_id", customers));
        var composite = new JsonObject
        {
            ["composite"] = new JsonObject
            {
                ["size"] = Chunk,
                ["sources"] = new JsonArray(new JsonObject { ["customer"] = new JsonObject { ["terms"] = new JsonObject { ["field"] = "customer_id" } } }),
            },
        };
        if (withMin)
        {
            composite["aggs"] = new JsonObject { ["first"] = new JsonObject { ["min"] = new JsonObject { ["field"] = "created_at" } } };
        }
        return new JsonObject
        {
            ["size"] = 0,
            ["query"] = new JsonObject { ["bool"] = new JsonObject { ["filter"] = filter } },
            ["aggs"] = new JsonObject { ["customers"] = composite },
        };
    }

    private async IAsyncEnumerable<(string Customer, DateTimeOffset? First)> PageAsync(JsonObject body, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var root in pager.PagesAsync(names.Orders.ReadAlias, "search_first_orders", "customers", body, cancellationToken))
        {
            foreach (var customer in Read(root))
            {
                yield return customer;
            }
        }
    }

    public static List<(string Customer, DateTimeOffset? First)> Read(JsonElement root)
    {
        var list = new List<(string, DateTimeOffset?)>();
        if (!root.TryGetProperty("aggregations", out var aggs))
        {
            return list;
        }
        foreach (var bucket in aggs.GetProperty("customers").GetProperty("buckets").EnumerateArray())
        {
            DateTimeOffset? first = bucket.TryGetProperty("first", out var min) && min.GetProperty("value").ValueKind == JsonValueKind.Number
                ? DateTimeOffset.FromUnixTimeMilliseconds((long)min.GetProperty("value").GetDouble())
                : null;
            list.Add((bucket.GetProperty("key").GetProperty("customer").GetString()!, first));
        }
        return list;
    }
}
