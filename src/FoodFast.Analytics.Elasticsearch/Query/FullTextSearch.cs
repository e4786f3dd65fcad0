using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FoodFast.Analytics.Core.Queries.Families;
using FoodFast.Analytics.Elasticsearch.Connection;
using FoodFast.Analytics.Elasticsearch.Indices;

namespace FoodFast.Analytics.Elasticsearch.Query;

/// <summary>
/// Search over orders and events, newest first. Words match word prefixes (<c>käse</c> finds <c>Käsespätzle</c>) through
/// <c>simple_query_string</c>, which never fails on odd input (never <c>query_string</c> on user text); ids match by
/// case-insensitive prefix. Orders are found by their product names through the order-lines index (collapsed by
/// order, at most <see cref="MaxLineMatches"/> orders). Each target is asked for its first (page + 1) × size hits and
/// the two lists are merged, so paging is bounded by the 10,000-hit window.
/// </summary>
public sealed class FullTextSearch(ClusterClient client, IndexNames names)
{
    public const int MaxLineMatches = 10_000;

    public async Task<(long Total, IReadOnlyList<SearchHit> Hits)> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var want = Math.Min((query.Page + 1) * query.Size, 10_000);
        var found = new List<SearchHit>();
        long total = 0;
        if (query.Target != SearchTarget.Events)
        {
            var lineOrders = await SearchRootAsync(names.OrderLines.ReadAlias, LinesBody(query), cancellationToken);
            var orderIds = Hits(lineOrders).Select(h => h.GetProperty("_source").GetProperty("order_id").GetString()!).ToList();
            var orders = await SearchRootAsync(names.Orders.ReadAlias, OrdersBody(query, orderIds, want), cancellationToken);
            total += orders.GetProperty("hits").GetProperty("total").GetProperty("value").GetInt64();
            found.AddRange(Hits(orders).Select(h => h.GetProperty("_source")).Select(s => new SearchHit("order", s.GetProperty("shop_id").GetString()!,
                s.GetProperty("order_id").GetString()!, s.GetProperty("created_at").GetDateTimeOffset(),
                $"{s.GetProperty("status").GetString()} {s.GetProperty("total").GetDecimal().ToString("0.00", CultureInfo.InvariantCulture)} {s.GetProperty("currency").GetString()}")));
        }
        if (query.Target != SearchTarget.Orders)
        {
            var events = await SearchRootAsync(names.Events.ReadAlias, EventsBody(query, want), cancellationToken);
            total += events.GetProperty("hits").GetProperty("total").GetProperty("value").GetInt64();
            found.AddRange(Hits(events).Select(h => h.GetProperty("_source")).Select(s => new SearchHit("event", s.GetProperty("shop_id").GetString()!,
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
        var should = new JsonArray(orders.Select(o => (JsonNode?)new JsonObject
        {
            ["bool"] = new JsonObject { ["filter"] = new JsonArray(SearchFilters.Term("shop_id", o.ShopId), SearchFilters.Term("order_id", o.Id)) },
        }).ToArray());
        var body = new JsonObject
        {
            ["size"] = 10_000,
            ["_source"] = new JsonArray("shop_id", "order_id", "product_name"),
            ["query"] = new JsonObject { ["bool"] = new JsonObject { ["should"] = should, ["minimum_should_match"] = 1 } },
            ["sort"] = new JsonArray(new JsonObject { ["line_no"] = "asc" }),
        };
        var lines = Hits(await SearchRootAsync(names.OrderLines.ReadAlias, body, cancellationToken)).Select(h => h.GetProperty("_source"))
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

    public static JsonObject LinesBody(SearchQuery query) => new()
    {
        ["size"] = MaxLineMatches,
        ["_source"] = new JsonArray("order_id"),
        ["query"] = Scoped(query, [Words(query.Text, "product_name")]),
        ["collapse"] = new JsonObject { ["field"] = "order_id" },
    };

    public static JsonObject OrdersBody(SearchQuery query, IReadOnlyList<string> lineMatches, int size) => new()
    {
        ["size"] = size,
        ["track_total_hits"] = true,
        ["query"] = Scoped(query, [SearchFilters.Terms("order_id", lineMatches), Prefix("order_id", query.Text), Prefix("customer_id", query.Text)]),
        ["sort"] = new JsonArray(new JsonObject { ["created_at"] = "desc" }, new JsonObject { ["order_id"] = "asc" }),
    };

    public static JsonObject EventsBody(SearchQuery query, int size) => new()
    {
        ["size"] = size,
        ["track_total_hits"] = true,
        ["query"] = Scoped(query,
        [
            Words(query.Text, "query", "product_name"), Prefix("product_id", query.Text), Prefix("user_id", query.Text),
            Prefix("session_id", query.Text), SearchFilters.Term("event_id", query.Text),
        ]),
        ["sort"] = new JsonArray(new JsonObject { ["@timestamp"] = "desc" }, new JsonObject { ["event_id"] = "asc" }),
    };

    private static JsonObject Scoped(SearchQuery query, JsonNode[] anyOf)
    {
        var filter = SearchFilters.ShopScope(query.ShopId);
        return new JsonObject { ["bool"] = new JsonObject { ["filter"] = filter, ["should"] = new JsonArray(anyOf), ["minimum_should_match"] = 1 } };
    }

    /// <summary>Every word as a prefix, all required; the operator characters of simple_query_string are dropped from user text.</summary>
    public static JsonObject Words(string text, params string[] fields)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => new string(w.Where(c => !"+|-\"*()~\\".Contains(c)).ToArray())).Where(w => w.Length > 0).Select(w => w + "*");
        return new JsonObject
        {
            ["simple_query_string"] = new JsonObject
            {
                ["query"] = string.Join(' ', words), ["fields"] = new JsonArray(fields.Select(f => (JsonNode?)f).ToArray()), ["default_operator"] = "and",
            },
        };
    }

    private static JsonObject Prefix(string field, string text) =>
        new() { ["prefix"] = new JsonObject { [field] = new JsonObject { ["value"] = text, ["case_insensitive"] = true } } };

    private static JsonElement.ArrayEnumerator Hits(JsonElement root) => root.GetProperty("hits").GetProperty("hits").EnumerateArray();

    private async Task<JsonElement> SearchRootAsync(string index, JsonObject body, CancellationToken cancellationToken)
    {
        var response = await client.SendAsync(EsRequest.Json(HttpMethod.Post, SearchTargets.SearchPath(index), "search_text", Encoding.UTF8.GetBytes(body.ToJsonString())), cancellationToken);
        using var document = JsonDocument.Parse(response.Body);
        AggregationReader.ThrowOnPartialResults(document.RootElement, "search_text");
        return document.RootElement.Clone();
    }
}
