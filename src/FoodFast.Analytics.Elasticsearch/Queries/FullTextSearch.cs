using System.Globalization;
using System.Text.Json;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Search;
using FoodFast.Analytics.Core.Queries.Families;
using FoodFast.Analytics.Elasticsearch.Indices;
using Es = Elastic.Clients.Elasticsearch.QueryDsl;

namespace FoodFast.Analytics.Elasticsearch.Queries;

/// <summary>
/// Search over orders and events, newest first. Words match word prefixes (<c>käse</c> finds <c>Käsespätzle</c>) through
/// <c>simple_query_string</c>, which never fails on odd input (never <c>query_string</c> on user text); ids match by
/// case-insensitive prefix. Orders are found by their product names through the order-lines index (collapsed by
/// order, at most <see cref="MaxLineMatches"/> orders). Each target is asked for its first (page + 1) × size hits and
/// the two lists are merged, so paging is bounded by the 10,000-hit window.
/// </summary>
public sealed class FullTextSearch(CompositePager searches, IndexNames names)
{
    public const int MaxLineMatches = 10_000;

    public async Task<(long Total, IReadOnlyList<SearchHit> Hits)> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var want = Math.Min((query.Page + 1) * query.Size, 10_000);
        var found = new List<SearchHit>();
        long total = 0;
        if (query.Target != SearchTarget.Events)
        {
            var lineOrders = await SearchAsync(names.OrderLines.ReadAlias, LinesRequest(query), cancellationToken);
            var orderIds = Sources(lineOrders).Select(s => s.GetProperty("order_id").GetString()!).ToList();
            var orders = await SearchAsync(names.Orders.ReadAlias, OrdersRequest(query, orderIds, want), cancellationToken);
            total += Total(orders);
            found.AddRange(Sources(orders).Select(s => new SearchHit("order", s.GetProperty("shop_id").GetString()!,
                s.GetProperty("order_id").GetString()!, s.GetProperty("created_at").GetDateTimeOffset(),
                $"{s.GetProperty("status").GetString()} {s.GetProperty("total").GetDecimal().ToString("0.00", CultureInfo.InvariantCulture)} {s.GetProperty("currency").GetString()}")));
        }
        if (query.Target != SearchTarget.Orders)
        {
            var events = await SearchAsync(names.Events.ReadAlias, EventsRequest(query, want), cancellationToken);
            total += Total(events);
            found.AddRange(Sources(events).Select(s => new SearchHit("event", s.GetProperty("shop_id").GetString()!,
                s.GetProperty("event_id").GetString()!, s.GetProperty("@timestamp").GetDateTimeOffset(), EventSummary(s))));
        }
        var page = found.OrderByDescending(h => h.At).ThenBy(h => h.Id, StringComparer.Ordinal).Skip(query.Page * query.Size).Take(query.Size).ToList();
        return (total, await WithProductNamesAsync(page, cancellationToken));
    }

    /// <summary>Order summaries end with the product names of their lines, in line order.</summary>
    private async Task<IReadOnlyList<SearchHit>> WithProductNamesAsync(List<SearchHit> page, CancellationToken cancellationToken)
    {
        var orders = page.Where(h => h.Type == "order").ToList();
        if (orders.Count == 0)
        {
            return page;
        }
        var request = new SearchRequest
        {
            Size = 10_000,
            Source = new SourceFilter { Includes = new[] { "shop_id", "order_id", "product_name" } },
            Query = new Es.BoolQuery
            {
                Should = orders.Select(o => (Es.Query)new Es.BoolQuery { Filter = [new Es.TermQuery("shop_id", o.ShopId), new Es.TermQuery("order_id", o.Id)] }).ToList(),
                MinimumShouldMatch = 1,
            },
            Sort = [Ordered("line_no", SortOrder.Asc)],
        };
        var lines = Sources(await SearchAsync(names.OrderLines.ReadAlias, request, cancellationToken))
            .GroupBy(s => s.GetProperty("shop_id").GetString() + ":" + s.GetProperty("order_id").GetString())
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(s => s.TryGetProperty("product_name", out var n) ? n.GetString() : null).Where(n => n is not null)));
        return page.Select(h => h.Type == "order" && lines.TryGetValue($"{h.ShopId}:{h.Id}", out var names) ? h with { Summary = $"{h.Summary}: {names}" } : h).ToList();
    }

    private static readonly string[] SummaryFields = ["query", "product_name", "product_id"];

    private static string EventSummary(JsonElement s)
    {
        var subject = SummaryFields.Select(f => s.TryGetProperty(f, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null)
            .FirstOrDefault(v => v is not null);
        return s.GetProperty("type").GetString() + (subject is null ? "" : ": " + subject);
    }

    public static SearchRequest LinesRequest(SearchQuery query) => new()
    {
        Size = MaxLineMatches,
        Source = new SourceFilter { Includes = new[] { "order_id" } },
        Query = Scoped(query, [Words(query.Text, "product_name")]),
        Collapse = new FieldCollapse("order_id"),
    };

    public static SearchRequest OrdersRequest(SearchQuery query, IReadOnlyList<string> lineMatches, int size) => new()
    {
        Size = size,
        TrackTotalHits = new TrackHits(true),
        Query = Scoped(query, [SearchFilters.AnyOf("order_id", lineMatches), Prefix("order_id", query.Text), Prefix("customer_id", query.Text)]),
        Sort = [Ordered("created_at", SortOrder.Desc), Ordered("order_id", SortOrder.Asc)],
    };

    public static SearchRequest EventsRequest(SearchQuery query, int size) => new()
    {
        Size = size,
        TrackTotalHits = new TrackHits(true),
        Query = Scoped(query,
        [
            Words(query.Text, "query", "product_name"), Prefix("product_id", query.Text), Prefix("user_id", query.Text),
            Prefix("session_id", query.Text), new Es.TermQuery("event_id", query.Text),
        ]),
        Sort = [Ordered("@timestamp", SortOrder.Desc), Ordered("event_id", SortOrder.Asc)],
    };

    private static Es.Query Scoped(SearchQuery query, List<Es.Query> anyOf) =>
        new Es.BoolQuery { Filter = SearchFilters.Scope(query.ShopId), Should = anyOf, MinimumShouldMatch = 1 };

    /// <summary>Every word as a prefix, all required; the operator characters of simple_query_string are dropped from user text.</summary>
    public static Es.Query Words(string text, params string[] fields)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => new string(w.Where(c => !"+|-\"*()~\\".Contains(c)).ToArray())).Where(w => w.Length > 0).Select(w => w + "*");
        return new Es.SimpleQueryStringQuery(string.Join(' ', words)) { Fields = fields, DefaultOperator = Es.Operator.And };
    }

    private static Es.Query Prefix(string field, string text) => new Es.PrefixQuery(field, text) { CaseInsensitive = true };

    private static SortOptions Ordered(string field, SortOrder order) => new FieldSort(field) { Order = order };

    private static long Total(SearchResponse<JsonElement> response) => response.HitsMetadata.Total?.Match(hits => hits!.Value, count => count) ?? 0;

    private static IEnumerable<JsonElement> Sources(SearchResponse<JsonElement> response) => response.HitsMetadata.Hits.Select(h => h.Source);

    private Task<SearchResponse<JsonElement>> SearchAsync(string index, SearchRequest request, CancellationToken cancellationToken) =>
        searches.SearchAsync(index, "search_text", request, cancellationToken);
}
