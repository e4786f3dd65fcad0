namespace FoodFast.Analytics.Elasticsearch.Indices;

/// <summary>Every name the backend puts in the cluster, from the configured prefix.</summary>
public sealed class IndexNames(string prefix)
{
    public string Prefix => prefix;

    public MonthlyRotation Orders { get; } = new($"{prefix}-orders");

    public MonthlyRotation OrderLines { get; } = new($"{prefix}-order-lines");

    public DataStreamRotation Events { get; } = new($"{prefix}-events");

    /// <summary>The events ILM policy.</summary>
    public string EventsPolicy => $"{prefix}-events";

    public static string OrderId(string shopId, string orderId) => $"{shopId}:{orderId}";

    public static string LineId(string shopId, string orderId, int lineNo) => $"{shopId}:{orderId}:{lineNo}";

    /// <summary>
    /// An event's <c>_id</c>: event ids are unique per shop, so two shops sending the same id keep both events. Shop ids
    /// are at most 64 ASCII characters, so the id stays far under Elasticsearch's 512-byte <c>_id</c> limit.
    /// </summary>
    public static string EventId(string shopId, Guid eventId) => $"{shopId}:{eventId:D}";
}
