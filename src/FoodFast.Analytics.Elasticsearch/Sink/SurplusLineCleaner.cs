using System.Text.Json.Nodes;
using FoodFast.Analytics.Core.Orders;
using FoodFast.Analytics.Elasticsearch.Connection;
using FoodFast.Analytics.Elasticsearch.Indices;

namespace FoodFast.Analytics.Elasticsearch.Sink;

/// <summary>An order the bulk wrote (<see cref="Stale"/> false) or found superseded by a stored version (409).</summary>
/// <param name="RecreatedLines">For a stale order, the line numbers its write still created (2xx): lines a newer version had dropped.</param>
public sealed record WrittenOrder(Order Order, bool Stale, IReadOnlyList<int>? RecreatedLines = null);

/// <summary>
/// Keeps an order's line documents equal to its newest version's lines. Every line of the stored version carries that
/// version's <c>updated_at</c>, so after a bulk one <c>_delete_by_query</c> per group of orders (on their monthly line
/// indices, <c>conflicts=proceed</c>) removes:
/// <list type="bullet">
/// <item>for a written order: lines numbered beyond its new count and not newer than it (an order that shrank);</item>
/// <item>for a stale order: the lines it just recreated (a deleted document's version is forgotten, so external
/// versioning cannot refuse them where a newer version has fewer lines), if still not newer than it. Only those: the
/// stored version can carry the same <c>updated_at</c> (an erasure's <c>_update_by_query</c> bumps the version of the
/// order and its lines by one, so a replay of that very version is answered 409), and its lines must stay.</item>
/// </list>
/// </summary>
public sealed class SurplusLineCleaner(ClusterClient client, IndexNames names)
{
    /// <summary>Orders per request: at most 5 clauses each keeps the query under the 1,024-clause default of OpenSearch and older ES.</summary>
    public const int OrdersPerRequest = 100;

    public async Task DeleteSurplusAsync(IReadOnlyList<WrittenOrder> orders, CancellationToken cancellationToken)
    {
        foreach (var group in orders.Chunk(OrdersPerRequest))
        {
            var request = Request(names, group);
            var response = await client.SendAsync(request, EsJson.Default.ByQueryResponse, cancellationToken);
            if (response.Incomplete() is { } problem)
            {
                throw new ElasticsearchException(request.Operation, 200, null, $"surplus order lines not all deleted: {problem}");
            }
        }
    }

    public static EsRequest Request(IndexNames names, IReadOnlyList<WrittenOrder> orders)
    {
        var indices = orders.Select(o => names.OrderLines.WriteTarget(o.Order.CreatedAt)).Distinct().Order(StringComparer.Ordinal);
        var should = new JsonArray();
        foreach (var (order, stale, recreated) in orders)
        {
            var filter = new JsonArray(Term("shop_id", order.ShopId), Term("order_id", order.OrderId));
            filter.Add(stale
                ? new JsonObject { ["terms"] = new JsonObject { ["line_no"] = new JsonArray((recreated ?? []).Select(n => (JsonNode?)n).ToArray()) } }
                : Range("line_no", new JsonObject { ["gt"] = order.Items.Count }));
            filter.Add(Range("updated_at", new JsonObject { ["lte"] = order.UpdatedAt.ToUnixTimeMilliseconds(), ["format"] = "epoch_millis" }));
            should.Add(new JsonObject { ["bool"] = new JsonObject { ["filter"] = filter } });
        }
        var body = new JsonObject { ["query"] = new JsonObject { ["bool"] = new JsonObject { ["should"] = should, ["minimum_should_match"] = 1 } } };
        var path = $"{string.Join(',', indices)}/_delete_by_query?conflicts=proceed&ignore_unavailable=true&allow_no_indices=true";
        return EsRequest.Json(HttpMethod.Post, path, "delete_surplus_lines", System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()));
    }

    private static JsonObject Term(string field, string value) => new() { ["term"] = new JsonObject { [field] = value } };

    private static JsonObject Range(string field, JsonObject bounds) => new() { ["range"] = new JsonObject { [field] = bounds } };
}
