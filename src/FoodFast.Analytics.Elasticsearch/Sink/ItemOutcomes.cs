using FoodFast.Analytics.Core.Storage;

namespace FoodFast.Analytics.Elasticsearch.Sink;

/// <summary>
/// From action statuses to sink outcomes. 2xx is landed; 409 too (an event already there, or an order version
/// older than the stored one, §2.2); 429 and 5xx are worth retrying; any other 4xx (mapping or parse errors) never
/// succeeds and is rejected with ES's reason. An order with its lines takes the worst of its actions.
/// </summary>
public static class ItemOutcomes
{
    public static SinkOutcome Of(BulkItemStatus item) => item.Status switch
    {
        >= 200 and < 300 or 409 => SinkOutcome.Landed,
        429 or >= 500 => SinkOutcome.Retry(Describe(item)),
        _ => SinkOutcome.Reject(Describe(item)),
    };

    public static SinkOutcome Worst(SinkOutcome a, SinkOutcome b) => Rank(b.Kind) > Rank(a.Kind) ? b : a;

    private static int Rank(SinkOutcomeKind kind) => kind switch
    {
        SinkOutcomeKind.Landed => 0,
        SinkOutcomeKind.Retry => 1,
        _ => 2,
    };

    private static string Describe(BulkItemStatus item) =>
        $"HTTP {item.Status}" + (item.ErrorType is null ? "" : $" {item.ErrorType}") + (item.Reason is null ? "" : $": {item.Reason}");
}
