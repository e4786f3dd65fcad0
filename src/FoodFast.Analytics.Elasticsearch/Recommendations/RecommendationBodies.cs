using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.Core.Search;
using FoodFast.Analytics.Core.Recommendations;
using FoodFast.Analytics.Elasticsearch.Queries;
using Es = Elastic.Clients.Elasticsearch.QueryDsl;

namespace FoodFast.Analytics.Elasticsearch.Recommendations;

/// <summary>
/// Typed search requests for recommendations. Bought together is a <c>significant_terms</c> on the orders' <c>product_ids</c>:
/// the foreground is the orders containing the product, the background every order in scope, so each bucket carries
/// n(A∩B) (<c>doc_count</c>) and n(B) (<c>bg_count</c>) and the aggregation n(A) and N. The <c>percentage</c>
/// heuristic scores n(A∩B)/n(B), which for a fixed A ranks exactly as lift does.
/// </summary>
public static class RecommendationBodies
{
    /// <summary>Candidates asked for beyond the limit, so ties at the cut are settled by Core's ordering, not by the shards.</summary>
    public static int CandidateCount(int limit) => Math.Max(limit * 5, 100);

    public const string Products = "products";

    public static SearchRequest BoughtTogether(BoughtTogetherQuery query) => new()
    {
        Size = 0,
        TrackTotalHits = new TrackHits(false),
        Query = Scope(query.ShopId, query.From, query.To, new Es.TermQuery("product_ids", query.ProductId)),
        Aggregations = new Dictionary<string, Aggregation>
        {
            ["together"] = new SignificantTermsAggregation
            {
                Field = "product_ids",
                Size = CandidateCount(query.Limit),
                MinDocCount = query.MinSupport,
                Exclude = new TermsExclude([query.ProductId]),
                Percentage = new PercentageScoreHeuristic(),
                BackgroundFilter = Scope(query.ShopId, query.From, query.To),
            },
        },
    };

    /// <summary>The latest name and category of each product (the greatest value, as Postgres' max()).</summary>
    public static SearchRequest Labels(BoughtTogetherQuery query, IReadOnlyList<string> productIds) => new()
    {
        Size = 0,
        TrackTotalHits = new TrackHits(false),
        Query = Scope(query.ShopId, query.From, query.To, SearchFilters.AnyOf("product_id", productIds)),
        Aggregations = new Dictionary<string, Aggregation>
        {
            [Products] = new Aggregation
            {
                Terms = new TermsAggregation { Field = "product_id", Size = productIds.Count },
                Aggregations = LabelAggs(),
            },
        },
    };

    /// <summary>A composite over product ids of the order lines in both windows, with units per window.</summary>
    public static SearchRequest Trending(TrendingQuery query)
    {
        var aggs = LabelAggs();
        aggs["recent"] = UnitsIn(SearchFilters.Range("created_at", query.RecentFrom, null));
        aggs["previous"] = UnitsIn(SearchFilters.Range("created_at", null, query.RecentFrom));
        return new SearchRequest
        {
            Size = 0,
            TrackTotalHits = new TrackHits(false),
            Query = Scope(query.ShopId, query.PreviousFrom, query.To),
            Aggregations = new Dictionary<string, Aggregation>
            {
                [Products] = new Aggregation { Composite = CompositePager.Over(1000, ("product", "product_id")), Aggregations = aggs },
            },
        };
    }

    private static Aggregation UnitsIn(Es.Query window) => new()
    {
        Filter = window,
        Aggregations = new Dictionary<string, Aggregation> { ["units"] = new SumAggregation { Field = "quantity" } },
    };

    private static Dictionary<string, Aggregation> LabelAggs() => new()
    {
        ["name"] = Greatest("product_name.keyword"),
        ["category"] = Greatest("category"),
    };

    private static TermsAggregation Greatest(string field) =>
        new() { Field = field, Size = 1, Order = [new KeyValuePair<Field, SortOrder>("_key", SortOrder.Desc)] };

    /// <summary>Orders (or lines) of the shop created in [from, to) and not cancelled, plus any extra filter.</summary>
    private static Es.Query Scope(string? shopId, DateTimeOffset from, DateTimeOffset to, Es.Query? extra = null)
    {
        var filter = SearchFilters.Scope(shopId);
        filter.Add(SearchFilters.Range("created_at", from, to));
        if (extra is not null)
        {
            filter.Add(extra);
        }
        return new Es.BoolQuery { Filter = filter, MustNot = [new Es.TermQuery("status", "cancelled")] };
    }
}
