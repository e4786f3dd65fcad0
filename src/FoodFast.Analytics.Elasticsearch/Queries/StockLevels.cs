using System.Text.Json;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.Core.Search;
using FoodFast.Analytics.Core.Queries.Families;
using FoodFast.Analytics.Elasticsearch.Indices;
using Es = Elastic.Clients.Elasticsearch.QueryDsl;

namespace FoodFast.Analytics.Elasticsearch.Queries;

/// <summary>
/// The latest stock level of each product, as Postgres' <c>distinct on (shop_id, product_id) ... order by occurred_at desc,
/// event_id</c>: a composite over (shop, product) of the inventory_updated events with a stock level up to AsOf, paged
/// with <c>after_key</c>, each bucket holding its newest event through <c>top_hits</c> (size 1, newest first, the
/// smallest event id on a tie). Exact; cost: one request per 1,000 products. Shapes: the Elasticsearch reference,
/// "Composite aggregation" (after_key) and "Top hits aggregation".
/// </summary>
public sealed class StockLevels(CompositePager pager, IndexNames names)
{
    public const int PageSize = 1000;
    private const string Products = "products";

    public Task<IReadOnlyList<StockLevel>> ReadAsync(StockQuery query, CancellationToken cancellationToken) =>
        pager.CollectAsync<StockLevel>(names.Events.ReadAlias, "search_stock_levels", Products, Request(query), ReadPage, cancellationToken);

    public static SearchRequest Request(StockQuery query)
    {
        var filter = SearchFilters.Scope(query.ShopId);
        filter.Add(new Es.TermQuery("type", "inventory_updated"));
        filter.Add(new Es.ExistsQuery("stock_level"));
        filter.Add(new Es.ExistsQuery("product_id"));
        filter.Add(new Es.DateRangeQuery("@timestamp") { Lte = DateMath.Anchored(SearchFilters.Iso(query.AsOf)), Format = "strict_date_optional_time" });
        var latest = new TopHitsAggregation
        {
            Size = 1,
            Sort = [new FieldSort("@timestamp") { Order = SortOrder.Desc }, new FieldSort("event_id") { Order = SortOrder.Asc }],
            Source = new SourceFilter { Includes = new[] { "shop_id", "product_id", "product_name", "stock_level", "@timestamp" } },
        };
        return new SearchRequest
        {
            Size = 0,
            TrackTotalHits = new TrackHits(false),
            Query = new Es.BoolQuery { Filter = filter },
            Aggregations = new Dictionary<string, Aggregation>
            {
                [Products] = new Aggregation
                {
                    Composite = CompositePager.Over(PageSize, ("shop", "shop_id"), ("product", "product_id")),
                    Aggregations = new Dictionary<string, Aggregation> { ["latest"] = latest },
                },
            },
        };
    }

    /// <summary>Adds the page's products (none when no event was written yet: the data stream does not exist).</summary>
    public static void ReadPage(SearchResponse<JsonElement> response, List<StockLevel> into)
    {
        foreach (var bucket in CompositePager.Buckets(response, Products))
        {
            var source = (JsonElement)bucket.Aggregations!.GetTopHits("latest")!.Hits.Hits.First().Source!;
            into.Add(new StockLevel(
                source.GetProperty("shop_id").GetString()!,
                source.GetProperty("product_id").GetString()!,
                source.TryGetProperty("product_name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null,
                source.GetProperty("stock_level").GetInt32(),
                source.GetProperty("@timestamp").GetDateTimeOffset().ToUniversalTime()));
        }
    }
}
