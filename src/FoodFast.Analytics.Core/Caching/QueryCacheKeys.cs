namespace FoodFast.Analytics.Core.Caching;

/// <summary>
/// Query cache keys: <c>q:{shop}:{format}:{hash}</c>, where the shop is <see cref="AllShops"/> for a query over
/// every shop. A purge works on these prefixes, so they are built and read here only.
/// </summary>
public static class QueryCacheKeys
{
    public const string AllShops = "*";

    public static string For(string? shopId, string format, string hash) => $"q:{shopId ?? AllShops}:{format}:{hash}";

    public static string ShopOf(string key) => key[2..key.IndexOf(':', 2)];

    /// <summary>What a purge of the shop drops: its own entries and those over every shop, which hold its data too.</summary>
    public static IReadOnlyList<string> PurgedShops(string shopId) => [shopId, AllShops];

    public static string Prefix(string shopId) => $"q:{shopId}:";
}
