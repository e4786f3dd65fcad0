using System.Globalization;
using System.Text.Json;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using FoodFast.Analytics.Core.Observability;
using FoodFast.Analytics.Core.Retention;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Elasticsearch.Connection;
using FoodFast.Analytics.Elasticsearch.Indices;
using Microsoft.Extensions.Logging;

namespace FoodFast.Analytics.Elasticsearch.Retention;

/// <summary>
/// The retention face of the Elasticsearch store: events are left to the lifecycle policy of their data stream, and
/// orders go a whole month at a time. Orders sit in the index of their creation month, so a
/// month is due once it ended before the cutoff; its orders index (with the order-lines index of that month) goes only
/// when its newest <c>updated_at</c> is before the cutoff too, because a late refund keeps an old order alive. Indices
/// are listed with the get-alias API (<c>GET /&lt;pattern&gt;/_alias</c>, keyed by concrete index) and deleted by exact
/// name: clusters refuse wildcards in DELETE (<c>action.destructive_requires_name</c>, true by default since 8.0).
/// </summary>
public sealed class MonthlyOrderRetention(ClusterClient client, IndexNames names, ILogger<MonthlyOrderRetention> logger) : IAnalyticsRetention
{
    /// <summary>More shops than this in one month are counted under the empty key (the run purges the all-shops cache anyway).</summary>
    public const int ShopBuckets = 10_000;

    public bool EventsByLifecyclePolicy => true;

    /// <summary>Orders only (<paramref name="batch"/> does not apply: whole indices go); events follow the lifecycle policy.</summary>
    public async Task<IReadOnlyDictionary<string, long>> DeleteOlderThanAsync(string dataset, DateTimeOffset cutoff, int batch, CancellationToken cancellationToken) =>
        dataset == RetentionDatasets.Orders
            ? (await DeleteBeforeAsync(cutoff, cancellationToken)).OrdersPerShop
            : throw new ArgumentOutOfRangeException(nameof(dataset), dataset, "on Elasticsearch only orders are deleted by the retention run; events follow the lifecycle policy");

    /// <summary>Deletes the indices whose orders were all last changed before <paramref name="cutoff"/>.</summary>
    public async Task<OrderIndexDeletion> DeleteBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var perShop = new Dictionary<string, long>(StringComparer.Ordinal);
        var deleted = new List<string>();
        try
        {
            var months = await ListMonthsAsync(cancellationToken);
            foreach (var month in months.Keys.Where(m => m.AddMonths(1) < cutoff).Order())
            {
                var (orders, lines) = months[month];
                if (orders is not null)
                {
                    var (newest, shops) = await InspectAsync(orders, cancellationToken);
                    if (newest >= cutoff)
                    {
                        logger.LogInformation("Keeping {Index}: an order in it changed at {Newest}, after the cutoff {Cutoff}", orders, newest, cutoff);
                        continue;
                    }
                    foreach (var (shop, count) in shops)
                    {
                        perShop[shop] = perShop.GetValueOrDefault(shop) + count;
                    }
                }
                string[] targets = [.. new[] { orders, lines }.OfType<string>()];
                await client.CallAsync("delete_index", (es, ct) => es.Indices.DeleteAsync(Elastic.Clients.Elasticsearch.Indices.Parse(string.Join(',', targets)), ct), cancellationToken);
                deleted.AddRange(targets);
                logger.LogInformation("Retention deleted {Indices}", string.Join(", ", targets));
            }
        }
        catch (ElasticsearchException ex)
        {
            throw new DependencyFailedException(Dependencies.Elasticsearch, "order_retention",
                $"order retention on Elasticsearch stopped after deleting {deleted.Count} indices: {ex.Message}", ex.Unavailable, ex);
        }
        return new OrderIndexDeletion(perShop, deleted);
    }

    /// <summary>The monthly indices present, by month: each month's orders and order-lines index (either may be missing).</summary>
    private async Task<Dictionary<DateTimeOffset, (string? Orders, string? Lines)>> ListMonthsAsync(CancellationToken cancellationToken)
    {
        var patterns = Elastic.Clients.Elasticsearch.Indices.Parse($"{names.Orders.Pattern},{names.OrderLines.Pattern}");
        var response = await client.CallAsync("get_alias", (es, ct) => es.Indices.GetAliasAsync(patterns, ct), cancellationToken);
        var months = new Dictionary<DateTimeOffset, (string? Orders, string? Lines)>();
        foreach (var index in response.Aliases?.Keys ?? [])
        {
            // Matching the pattern is not enough: prefix "ff-orders" would own "ff-orders-orders-2026.01".
            if (MonthOf(names.Orders.ReadAlias, index) is { } ordersMonth)
            {
                months[ordersMonth] = (index, months.GetValueOrDefault(ordersMonth).Lines);
            }
            else if (MonthOf(names.OrderLines.ReadAlias, index) is { } linesMonth)
            {
                months[linesMonth] = (months.GetValueOrDefault(linesMonth).Orders, index);
            }
        }
        return months;
    }

    private static DateTimeOffset? MonthOf(string name, string index) =>
        index.Length == name.Length + 8 && index.StartsWith(name + "-", StringComparison.Ordinal)
            && DateTime.TryParseExact(index[(name.Length + 1)..], "yyyy.MM", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var month)
            ? new DateTimeOffset(month, TimeSpan.Zero)
            : null;

    /// <summary>The newest order change in <paramref name="index"/> (null when empty) and its orders per shop.</summary>
    private async Task<(DateTimeOffset? Newest, IReadOnlyList<(string Shop, long Count)> Shops)> InspectAsync(string index, CancellationToken cancellationToken)
    {
        var response = await client.CallAsync("inspect_order_index", (es, ct) => es.SearchAsync<JsonElement>(InspectRequest(index), ct), cancellationToken);
        var aggs = response.Aggregations!;
        var newest = aggs.GetMax("newest")?.Value is { } millis ? DateTimeOffset.FromUnixTimeMilliseconds((long)millis) : (DateTimeOffset?)null;
        var terms = aggs.GetStringTerms("shops")!;
        var shops = terms.Buckets.Select(b => ((string)b.Key.Value!, b.DocCount)).ToList();
        if (terms.SumOtherDocCount is > 0 and var others)
        {
            shops.Add(("", others));
        }
        return (newest, shops);
    }

    public static SearchRequest InspectRequest(string index) => new(index)
    {
        Size = 0,
        Aggregations = new Dictionary<string, Aggregation>
        {
            ["newest"] = new MaxAggregation { Field = "updated_at" },
            ["shops"] = new TermsAggregation { Field = "shop_id", Size = ShopBuckets },
        },
    };
}

/// <param name="OrdersPerShop">Orders deleted, per shop.</param>
/// <param name="Indices">The indices deleted, orders and their lines, oldest month first.</param>
public sealed record OrderIndexDeletion(IReadOnlyDictionary<string, long> OrdersPerShop, IReadOnlyList<string> Indices);
