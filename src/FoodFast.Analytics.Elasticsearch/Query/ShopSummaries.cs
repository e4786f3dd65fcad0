using System.Text.Json;
using System.Text.Json.Nodes;
using FoodFast.Analytics.Core.Queries.Families;
using FoodFast.Analytics.Elasticsearch.Indices;

namespace FoodFast.Analytics.Elasticsearch.Query;

/// <summary>
/// Each shop's first and last order, order count and currencies, as Postgres' <c>group by shop_id</c>: a composite over
/// shop_id of the orders alias with <c>min</c> and <c>max</c> of created_at and a <c>terms</c> of currency (at most 100
/// per shop). Exact; cost: one request per 1,000 shops.
/// </summary>
public sealed class ShopSummaries(CompositePager pager, IndexNames names)
{
    public const int PageSize = 1000;

    public async Task<IReadOnlyList<ShopSummary>> ReadAsync(ShopQuery query, CancellationToken cancellationToken)
    {
        var shops = new List<ShopSummary>();
        await foreach (var root in pager.PagesAsync(names.Orders.ReadAlias, "search_shops", "shops", Body(query), cancellationToken))
        {
            ReadPage(root, shops);
        }
        return shops;
    }

    public static JsonObject Body(ShopQuery query)
    {
        var composite = new JsonObject
        {
            ["size"] = PageSize,
            ["sources"] = new JsonArray(new JsonObject { ["shop"] = new JsonObject { ["terms"] = new JsonObject { ["field"] = "shop_id" } } }),
        };
        var body = new JsonObject
        {
            ["size"] = 0,
            ["track_total_hits"] = false,
            ["aggs"] = new JsonObject
            {
                ["shops"] = new JsonObject
                {
                    ["composite"] = composite,
                    ["aggs"] = new JsonObject
                    {
                        ["first"] = new JsonObject { ["min"] = new JsonObject { ["field"] = "created_at" } },
                        ["last"] = new JsonObject { ["max"] = new JsonObject { ["field"] = "created_at" } },
                        ["currencies"] = new JsonObject { ["terms"] = new JsonObject { ["field"] = "currency", ["size"] = 100, ["order"] = new JsonObject { ["_key"] = "asc" } } },
                    },
                },
            },
        };
        if (query.ShopIds is { } ids)
        {
            body["query"] = new JsonObject { ["bool"] = new JsonObject { ["filter"] = new JsonArray(SearchFilters.Terms("shop_id", ids)) } };
        }
        return body;
    }

    /// <summary>Adds the page's shops.</summary>
    public static void ReadPage(JsonElement root, List<ShopSummary> into)
    {
        if (!root.TryGetProperty("aggregations", out var aggs))
        {
            return; // no order written yet: the alias has no index
        }
        var page = aggs.GetProperty("shops");
        var buckets = page.GetProperty("buckets");
        foreach (var bucket in buckets.EnumerateArray())
        {
            into.Add(new ShopSummary(
                bucket.GetProperty("key").GetProperty("shop").GetString()!,
                Instant(bucket.GetProperty("first")),
                Instant(bucket.GetProperty("last")),
                bucket.GetProperty("doc_count").GetInt64(),
                [.. bucket.GetProperty("currencies").GetProperty("buckets").EnumerateArray().Select(c => c.GetProperty("key").GetString()!)]));
        }
    }

    // min and max of a date field answer epoch milliseconds in "value" (and the formatted date in "value_as_string").
    private static DateTimeOffset Instant(JsonElement metric) => DateTimeOffset.FromUnixTimeMilliseconds((long)metric.GetProperty("value").GetDouble());
}
