using System.Text.Json.Nodes;
using FoodFast.Analytics.Core.Recommendations;
using FoodFast.Analytics.Elasticsearch.Query;

namespace FoodFast.Analytics.Elasticsearch.Recommendations;

/// <summary>
/// Request bodies for recommendations. Bought together is a <c>significant_terms</c> on the orders' <c>product_ids</c>:
/// the foreground is the orders containing the product, the background every order in scope, so each bucket carries
/// n(A∩B) (<c>doc_count</c>) and n(B) (<c>bg_count</c>) and the aggregation n(A) and N. The <c>percentage</c>
/// heuristic scores n(A∩B)/n(B), which for a fixed A ranks exactly as lift does.
/// </summary>
public static class RecommendationBodies
{
    /// <summary>Candidates asked for beyond the limit, so ties at the cut are settled by Core's ordering, not by the shards.</summary>
    public static int CandidateCount(int limit) => Math.Max(limit * 5, 100);

    public static JsonObject BoughtTogether(BoughtTogetherQuery query) => new()
    {
        ["size"] = 0,
        ["track_total_hits"] = false,
        ["query"] = Scope(query.ShopId, query.From, query.To, SearchFilters.Term("product_ids", query.ProductId)),
        ["aggs"] = new JsonObject
        {
            ["together"] = new JsonObject
            {
                ["significant_terms"] = new JsonObject
                {
                    ["field"] = "product_ids",
                    ["size"] = CandidateCount(query.Limit),
                    ["min_doc_count"] = query.MinSupport,
                    ["exclude"] = new JsonArray(query.ProductId),
                    ["percentage"] = new JsonObject(),
                    ["background_filter"] = Scope(query.ShopId, query.From, query.To),
                },
            },
        },
    };

    /// <summary>The latest name and category of each product (the greatest value, as Postgres' max()).</summary>
    public static JsonObject Labels(BoughtTogetherQuery query, IReadOnlyList<string> productIds) => new()
    {
        ["size"] = 0,
        ["track_total_hits"] = false,
        ["query"] = Scope(query.ShopId, query.From, query.To, SearchFilters.Terms("product_id", productIds)),
        ["aggs"] = new JsonObject
        {
            ["products"] = new JsonObject
            {
                ["terms"] = new JsonObject { ["field"] = "product_id", ["size"] = productIds.Count },
                ["aggs"] = LabelAggs(),
            },
        },
    };

    /// <summary>A composite over product ids of the order lines in both windows, with units per window.</summary>
    public static JsonObject Trending(TrendingQuery query)
    {
        var aggs = LabelAggs();
        aggs["recent"] = UnitsIn(new JsonObject { ["gte"] = SearchFilters.Iso(query.RecentFrom) });
        aggs["previous"] = UnitsIn(new JsonObject { ["lt"] = SearchFilters.Iso(query.RecentFrom) });
        var composite = new JsonObject
        {
            ["size"] = 1000,
            ["sources"] = new JsonArray(new JsonObject { ["product"] = new JsonObject { ["terms"] = new JsonObject { ["field"] = "product_id" } } }),
        };
        return new JsonObject
        {
            ["size"] = 0,
            ["track_total_hits"] = false,
            ["query"] = Scope(query.ShopId, query.PreviousFrom, query.To),
            ["aggs"] = new JsonObject { ["products"] = new JsonObject { ["composite"] = composite, ["aggs"] = aggs } },
        };
    }

    private static JsonObject UnitsIn(JsonObject bounds)
    {
        bounds["format"] = "strict_date_optional_time";
        return new JsonObject
        {
            ["filter"] = new JsonObject { ["range"] = new JsonObject { ["created_at"] = bounds } },
            ["aggs"] = new JsonObject { ["units"] = new JsonObject { ["sum"] = new JsonObject { ["field"] = "quantity" } } },
        };
    }

    private static JsonObject LabelAggs() => new()
    {
        ["name"] = new JsonObject { ["terms"] = new JsonObject { ["field"] = "product_name.keyword", ["size"] = 1, ["order"] = new JsonObject { ["_key"] = "desc" } } },
        ["category"] = new JsonObject { ["terms"] = new JsonObject { ["field"] = "category", ["size"] = 1, ["order"] = new JsonObject { ["_key"] = "desc" } } },
    };

    /// <summary>Orders (or lines) of the shop created in [from, to) and not cancelled, plus any extra filter.</summary>
    private static JsonObject Scope(string? shopId, DateTimeOffset from, DateTimeOffset to, JsonObject? extra = null)
    {
        var filter = SearchFilters.ShopScope(shopId);
        filter.Add(SearchFilters.DateRange("created_at", from, to));
        if (extra is not null)
        {
            filter.Add(extra);
        }
        return new JsonObject
        {
            ["bool"] = new JsonObject { ["filter"] = filter, ["must_not"] = new JsonArray(SearchFilters.Term("status", "cancelled")) },
        };
    }
}
