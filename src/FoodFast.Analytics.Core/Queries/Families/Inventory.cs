namespace FoodFast.Analytics.Core.Queries.Families;

/// <summary>The latest stock level of each product, from inventory_updated events up to <see cref="AsOf"/>.</summary>
public sealed record StockQuery(string? ShopId, DateTimeOffset AsOf);

public sealed record StockLevel(string ShopId, string ProductId, string? ProductName, int Level, DateTimeOffset At);

/// <param name="LowStock">Products at or below <see cref="Threshold"/>, lowest first.</param>
public sealed record InventoryResult(int Threshold, IReadOnlyList<StockLevel> Products, IReadOnlyList<StockLevel> LowStock, ResultMeta Meta);
