namespace FoodFast.Analytics.Core.Queries.Families;

/// <summary>Full-text search over orders (order id, customer, product names) and events (search query, product name, ids).</summary>
public sealed record SearchQuery(string? ShopId, string Text, SearchTarget Target, int Page, int Size);

public enum SearchTarget
{
    All,
    Orders,
    Events,
}

/// <param name="Type">order or event.</param>
/// <param name="Summary">A readable line: order total and products, or event type and subject.</param>
public sealed record SearchHit(string Type, string ShopId, string Id, DateTimeOffset At, string Summary);

public sealed record SearchPage(string Query, int Page, int Size, long Total, IReadOnlyList<SearchHit> Hits, ResultMeta Meta);
