using System.Text.Json.Nodes;
using FoodFast.Analytics.Core.Orders;
using FoodFast.Analytics.Elasticsearch.Client;
using FoodFast.Analytics.Elasticsearch.Indices;

namespace FoodFast.Analytics.Elasticsearch.Sink;

/// <summary>
/// When an order shrinks (3 lines, then 2), line 3 of the older version must go. The sink does not know the stored
/// line count, so after writing orders it runs one <c>_delete_by_query</c> per group of orders on their monthly line
/// indices: lines of that order numbered beyond its new count and not newer than its new version. Lines written by a
/// newer version carry a later <c>updated_at</c> and survive; <c>conflicts=proceed</c> skips lines changed meanwhile.
/// </summary>
public sealed class SurplusLineCleaner(ElasticsearchClient client, IndexNames names)
{
    /// <summary>Orders per request: 5 clauses each keeps the query under the 1,024-clause default of OpenSearch and older ES.</summary>
    public const int OrdersPerRequest = 100;

    public async Task DeleteSurplusAsync(IReadOnlyList<Order> orders, CancellationToken cancellationToken)
    {
        foreach (var group in orders.Chunk(OrdersPerRequest))
        {
            var request = Request(names, group);
            var response = await client.SendAsync(request, EsJson.Default.DeleteByQueryResponse, cancellationToken);
            if (response.TimedOut || response.Failures is { Count: > 0 })
            {
                var first = response.Failures is { Count: > 0 } f ? f[0].ToString() : "timed out";
                throw new ElasticsearchException(request.Operation, 200, null, $"surplus order lines not all deleted: {first}");
            }
        }
    }

    public static EsRequest Request(IndexNames names, IReadOnlyList<Order> orders)
    {
        var indices = orders.Select(o => names.OrderLines.WriteTarget(o.CreatedAt)).Distinct().Order(StringComparer.Ordinal);
        var should = new JsonArray();
        foreach (var order in orders)
        {
            should.Add(new JsonObject
            {
                ["bool"] = new JsonObject
                {
                    ["filter"] = new JsonArray(
                        Term("shop_id", order.ShopId),
                        Term("order_id", order.OrderId),
                        new JsonObject { ["range"] = new JsonObject { ["line_no"] = new JsonObject { ["gt"] = order.Items.Count } } },
                        new JsonObject
                        {
                            ["range"] = new JsonObject
                            {
                                ["updated_at"] = new JsonObject { ["lte"] = order.UpdatedAt.ToUnixTimeMilliseconds(), ["format"] = "epoch_millis" },
                            },
                        }),
                },
            });
        }
        var body = new JsonObject { ["query"] = new JsonObject { ["bool"] = new JsonObject { ["should"] = should, ["minimum_should_match"] = 1 } } };
        var path = $"{string.Join(',', indices)}/_delete_by_query?conflicts=proceed&ignore_unavailable=true&allow_no_indices=true";
        return EsRequest.Json(HttpMethod.Post, path, "delete_surplus_lines", System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()));
    }

    private static JsonObject Term(string field, string value) => new() { ["term"] = new JsonObject { [field] = value } };
}
