namespace FoodFast.Analytics.Core.Queries.Families;

/// <summary>What the store holds of one shop: when its first and last orders were placed, how many, in which currencies.</summary>
public sealed record ShopSummary(string ShopId, DateTimeOffset FirstOrderAt, DateTimeOffset LastOrderAt, long Orders, IReadOnlyList<string> Currencies);

/// <param name="ShopIds">The shops to describe; null: every shop with an order.</param>
public sealed record ShopQuery(IReadOnlyList<string>? ShopIds);
