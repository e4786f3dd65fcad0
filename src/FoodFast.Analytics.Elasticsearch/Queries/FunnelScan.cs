using System.Text.Json;
using FoodFast.Analytics.Core.Queries.Families;
using FoodFast.Analytics.Core.Wire;
using FoodFast.Analytics.Elasticsearch.Connection;
using FoodFast.Analytics.Elasticsearch.Exports;
using FoodFast.Analytics.Elasticsearch.Indices;
using Microsoft.Extensions.Logging;
using Es = Elastic.Clients.Elasticsearch.QueryDsl;

namespace FoodFast.Analytics.Elasticsearch.Queries;

/// <summary>
/// Funnels need each unit's events in time order, which no aggregation keeps. So the step events of the range are
/// streamed with a point in time + search_after, sorted by shop, unit, time and event id, and each unit is evaluated
/// as soon as its last event has passed: memory holds one unit's events. Cost: every step event of the range is read once.
/// </summary>
public sealed class FunnelScan(ClusterClient client, IndexNames names, ILogger<FunnelScan> logger)
{
    public async Task<IReadOnlyList<long>> CountAsync(FunnelQuery query, CancellationToken cancellationToken)
    {
        var unit = query.Unit == FunnelUnit.User ? "user_id" : "session_id";
        var steps = query.Steps.Select(WireNames.Of).ToList();
        var counts = new long[steps.Count];
        var reader = new PointInTimeReader(client, logger);
        string? current = null;
        var events = new List<(string Type, DateTimeOffset At)>();
        await foreach (var hit in reader.StreamAsync(Request(query, unit, steps), cancellationToken))
        {
            var source = hit.Source;
            var key = source.GetProperty("shop_id").GetString() + ":" + source.GetProperty(unit).GetString();
            if (key != current)
            {
                Evaluate(events, steps, query.Window, counts);
                events.Clear();
                current = key;
            }
            events.Add((source.GetProperty("type").GetString()!, source.GetProperty("@timestamp").GetDateTimeOffset()));
        }
        Evaluate(events, steps, query.Window, counts);
        return counts;
    }

    public PointInTimeQuery Request(FunnelQuery query, string unit, IReadOnlyList<string> steps)
    {
        var filter = SearchFilters.Scope(query.ShopId);
        filter.Add(SearchFilters.Range("@timestamp", query.From, query.To));
        filter.Add(SearchFilters.AnyOf("type", steps));
        filter.Add(new Es.ExistsQuery(unit));
        return new PointInTimeQuery(names.Events.ReadAlias, new Es.BoolQuery { Filter = filter }, ["shop_id", unit, "@timestamp", "event_id"]);
    }

    /// <summary>
    /// As the Postgres funnel: step 1 is the unit's first event of that type (t0); each next step is its earliest event of
    /// the next type at or after the previous step and no later than t0 + window.
    /// </summary>
    public static void Evaluate(IReadOnlyList<(string Type, DateTimeOffset At)> events, IReadOnlyList<string> steps, TimeSpan window, long[] counts)
    {
        var start = events.Where(e => e.Type == steps[0]).Select(e => (DateTimeOffset?)e.At).Min();
        if (start is not { } t0)
        {
            return;
        }
        counts[0]++;
        var t = t0;
        for (var i = 1; i < steps.Count; i++)
        {
            var next = events.Where(e => e.Type == steps[i] && e.At >= t && e.At <= t0 + window).Select(e => (DateTimeOffset?)e.At).Min();
            if (next is not { } reached)
            {
                return;
            }
            counts[i]++;
            t = reached;
        }
    }
}
