using System.Text.Json;
using System.Text.Json.Nodes;
using FoodFast.Analytics.Core.Queries.Families;
using FoodFast.Analytics.Elasticsearch.Indices;

namespace FoodFast.Analytics.Elasticsearch.Query;

/// <summary>
/// The latest stock level of each product, as Postgres' <c>distinct on (shop_id, product_id) ... order by occurred_at desc,
/// event_id</c>: a composite over (shop, product) of the inventory_updated events with a stock level up to AsOf, paged
/// with <c>after_key</c>, each bucket holding its newest event through <c>top_hits</c> (size 1, newest first, the
/// smallest event id on a tie). Exact; cost: one request per 1,000 products. Shapes: wire notes §4.2 (composite,
/// top_hits) and the Elasticsearch reference, "Top hits aggregation".
/// </summary>
public sealed class StockLevels(CompositePager pager, IndexNames names)
{
    public const int PageSize = 1000;

    public async Task<IReadOnlyList<StockLevel>> ReadAsync(StockQuery query, CancellationToken cancellationToken)
    {
        var levels = new List<StockLevel>();
        await foreach (var root in pager.PagesAsync(names.Events.ReadAlias, "search_stock_levels", "products", Body(query), cancellationToken))
        {
            ReadPage(root, levels);
        }
        return levels;
    }

    public static JsonObject Body(StockQuery query)
    {
        var filter = SearchFilters.ShopScope(query.ShopId);
        filter.Add(SearchFilters.Term("type", "inventory_updated"));
        filter.Add(Exists("stock_level"));
        filter.Add(Exists("product_id"));
        filter.Add(new JsonObject { ["range"] = new JsonObject { ["@timestamp"] = new JsonObject { ["lte"] = SearchFilters.Iso(query.AsOf), ["format"] = "strict_date_optional_time" } } });
        var composite = new JsonObject
        {
            ["size"] = PageSize,
            ["sources"] = new JsonArray(Source("shop", "shop_id"), Source("product", "product_id")),
        };
        var latest = new JsonObject
        {
            ["size"] = 1,
            ["sort"] = new JsonArray(
                new JsonObject { ["@timestamp"] = new JsonObject { ["order"] = "desc" } },
                new JsonObject { ["event_id"] = new JsonObject { ["order"] = "asc" } }),
            ["_source"] = new JsonObject { ["includes"] = new JsonArray("shop_id", "product_id", "product_name", "stock_level", "@timestamp") },
        };
        return new JsonObject
        {
            ["size"] = 0,
            ["track_total_hits"] = false,
            ["query"] = new JsonObject { ["bool"] = new JsonObject { ["filter"] = filter } },
            ["aggs"] = new JsonObject
            {
                ["products"] = new JsonObject { ["composite"] = composite, ["aggs"] = new JsonObject { ["latest"] = new JsonObject { ["top_hits"] = latest } } },
            },
        };
    }

    /// <summary>Adds the page's products.</summary>
    public static void ReadPage(JsonElement root, List<StockLevel> into)
    {
        if (!root.TryGetProperty("aggregations", out var aggs))
        {
            return; // no event written yet: the data stream does not exist
        }
        var page = aggs.GetProperty("products");
        var buckets = page.GetProperty("buckets");
        foreach (var bucket in buckets.EnumerateArray())
        {
            var source = bucket.GetProperty("latest").GetProperty("hits").GetProperty("hits")[0].GetProperty("_source");
            into.Add(new StockLevel(
                source.GetProperty("shop_id").GetString()!,
                source.GetProperty("product_id").GetString()!,
                source.TryGetProperty("product_name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null,
                source.GetProperty("stock_level").GetInt32(),
                source.GetProperty("@timestamp").GetDateTimeOffset().ToUniversalTime()));
        }
    }

    private static JsonObject Exists(string field) => new() { ["exists"] = new JsonObject { ["field"] = field } };

    private static JsonObject Source(string name, string field) =>
        new() { [name] = new JsonObject { ["terms"] = new JsonObject { ["field"] = field } } };
}
