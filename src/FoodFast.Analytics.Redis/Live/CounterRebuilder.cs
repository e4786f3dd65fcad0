using System.Globalization;
using FoodFast.Analytics.Core.Live;
using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Core.Validation;

namespace FoodFast.Analytics.Redis.Live;

/// <summary>
/// Counters are an optimisation, not the truth: this recomputes a shop's minute buckets from the analytics store,
/// two store queries per minute (orders by currency; order lines by product and currency). It sees what the store
/// has, so run it after the ingest log is flushed; it counts orders of every status created in each minute.
/// </summary>
public sealed class CounterRebuilder(IAnalyticsStore store, LiveCounters counters, TimeProvider time)
{
    public sealed record Rebuilt(string ShopId, DateTimeOffset From, DateTimeOffset To, int Minutes, long Orders);

    public async Task<Rebuilt> RebuildAsync(string shopId, int minutes, CancellationToken cancellationToken)
    {
        var last = LiveCounters.MinuteOf(time.GetUtcNow());
        var first = last - minutes + 1;
        long orders = 0;
        for (var minute = first; minute <= last; minute++)
        {
            var fields = await MinuteFromStoreAsync(shopId, minute, cancellationToken);
            orders += fields.Where(f => f.Key == MinuteFields.Orders).Sum(f => long.Parse(f.Value, CultureInfo.InvariantCulture));
            await counters.ReplaceMinuteAsync(shopId, minute, fields, cancellationToken);
        }
        return new Rebuilt(shopId, Start(first), Start(last + 1), minutes, orders);
    }

    private async Task<List<KeyValuePair<string, string>>> MinuteFromStoreAsync(string shopId, long minute, CancellationToken cancellationToken)
    {
        var window = new AnalyticsQuery { ShopId = shopId, From = Start(minute), To = Start(minute + 1), GroupBy = ["currency"] };
        var fields = new List<KeyValuePair<string, string>>();
        var (ordersQuery, orders) = await RunAsync(window with { Dataset = Datasets.Orders, Metrics = ["order_count", "revenue"] }, cancellationToken);
        foreach (var row in orders.Rows)
        {
            Add(fields, MinuteFields.Orders, (long)Value(ordersQuery, row, "order_count"));
            Add(fields, MinuteFields.Revenue(row.Keys[0]!), MinuteFields.ToUnits(Value(ordersQuery, row, "revenue")));
        }
        var (linesQuery, lines) = await RunAsync(window with
        {
            Dataset = Datasets.OrderItems, Metrics = ["units", "order_count", "revenue"], GroupBy = ["product", "currency"],
        }, cancellationToken);
        foreach (var row in lines.Rows)
        {
            var product = row.Keys[0]!;
            Add(fields, "u:" + product, (long)Value(linesQuery, row, "units"));
            Add(fields, "o:" + product, (long)Value(linesQuery, row, "order_count"));
            Add(fields, $"r:{row.Keys[1]}:{product}", MinuteFields.ToUnits(Value(linesQuery, row, "revenue")));
            if (row.Labels[0] is { } name)
            {
                fields.RemoveAll(f => f.Key == "n:" + product);
                fields.Add(new("n:" + product, name));
            }
        }
        return fields;
    }

    private async Task<(ValidatedQuery Query, AggregateTable Table)> RunAsync(AnalyticsQuery query, CancellationToken cancellationToken)
    {
        var problems = new List<FieldProblem>();
        var validated = QueryValidator.Validate(query, problems)
            ?? throw new InvalidOperationException($"rebuild query is invalid: {string.Join("; ", problems.Select(p => $"{p.Field}: {p.Message}"))}");
        return (validated, await store.Queries.AggregateAsync(validated, cancellationToken));
    }

    private static decimal Value(ValidatedQuery query, AggregateRow row, string metric) =>
        row.Values[query.BaseMetrics.Select(m => m.Name).ToList().IndexOf(metric)];

    /// <summary>Sums into an existing field: a product sold in two currencies has one units field.</summary>
    private static void Add(List<KeyValuePair<string, string>> fields, string field, long value)
    {
        var index = fields.FindIndex(f => f.Key == field);
        var sum = value + (index >= 0 ? long.Parse(fields[index].Value, CultureInfo.InvariantCulture) : 0);
        var entry = new KeyValuePair<string, string>(field, sum.ToString(CultureInfo.InvariantCulture));
        if (index >= 0)
        {
            fields[index] = entry;
        }
        else
        {
            fields.Add(entry);
        }
    }

    private static DateTimeOffset Start(long minute) => DateTimeOffset.FromUnixTimeSeconds(minute * 60);
}
