using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.MGet;
using FoodFast.Analytics.Core.Orders;
using FoodFast.Analytics.Elasticsearch.Connection;
using FoodFast.Analytics.Elasticsearch.Indices;

namespace FoodFast.Analytics.Elasticsearch.Sink;

/// <summary>What is stored of an order now: its external version (the <c>updated_at</c> it was written with, plus one per erasure) and its line count.</summary>
public sealed record StoredOrder(long Version, int LineCount);

/// <summary>The <c>line_count</c> field of a stored order, the only part of its source the sink reads.</summary>
public sealed record LineCountSource(int LineCount);

/// <summary>
/// Reads the stored version of each order in a batch with one realtime <c>_mget</c> (a get sees every acknowledged
/// write, unlike a search, which sees only refreshed ones), so the bulk can delete surplus lines by their ids.
/// A missing order, or a monthly index that does not exist yet, is absent from the answer.
/// </summary>
public sealed class StoredOrders(ClusterClient client, IndexNames names)
{
    public async Task<IReadOnlyDictionary<string, StoredOrder>> ReadAsync(IEnumerable<Order> orders, CancellationToken cancellationToken)
    {
        var request = Request(names, orders);
        if (request.Docs!.Count == 0)
        {
            return new Dictionary<string, StoredOrder>();
        }
        var response = await client.CallAsync("mget_orders", (es, ct) => es.MultiGetAsync<LineCountSource>(request, ct), cancellationToken);
        var stored = new Dictionary<string, StoredOrder>(StringComparer.Ordinal);
        foreach (var item in response.Docs)
        {
            item.Match(found =>
            {
                if (found is { Found: true, Source: { } source, Version: { } version })
                {
                    stored[found.Id] = new StoredOrder(version, source.LineCount);
                }
            }, failed =>
            {
                var cause = failed?.Error;
                if (cause?.Type != "index_not_found_exception")
                {
                    throw new ElasticsearchException("mget_orders", 200, cause?.Type, cause?.Reason);
                }
            });
        }
        return stored;
    }

    public static MultiGetRequest Request(IndexNames names, IEnumerable<Order> orders) => new()
    {
        Docs = orders
            .Select(o => (Index: names.Orders.WriteTarget(o.CreatedAt), Id: IndexNames.OrderId(o.ShopId, o.OrderId)))
            .Distinct()
            .Select(d => new MultiGetOperation(d.Id) { Index = d.Index })
            .ToList(),
        SourceIncludes = new[] { "line_count" },
    };
}
