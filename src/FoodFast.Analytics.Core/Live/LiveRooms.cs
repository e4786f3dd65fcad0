namespace FoodFast.Analytics.Core.Live;

/// <summary>
/// Room names of the live feed: a shop's id (the shop room), <c>{shop}/user:{id}</c> (messages aimed at one user of
/// the shop) and the empty name (all shops, admins only). Shop ids cannot hold <c>/</c> or <c>*</c>, so names never clash.
/// </summary>
public static class LiveRooms
{
    public const string AllShops = "";

    /// <summary>The <c>room</c> parameter's prefix for a user room: <c>user:{userId}</c>.</summary>
    public const string UserPrefix = "user:";

    /// <summary>Presence field of the all-shops room (see <see cref="CountField"/>).</summary>
    public const string AllShopsField = "*";

    private const string UserSuffix = "/user";

    public static string Of(string? shopId, string? userId) =>
        shopId is null ? AllShops : userId is null ? shopId : $"{shopId}{UserSuffix}:{userId}";

    /// <summary>The presence counter a room's clients add to: <c>{shop}</c>, <c>{shop}/user</c> (all its user rooms) or <c>*</c>.</summary>
    public static string CountField(string room) => room == AllShops ? AllShopsField
        : room.IndexOf(UserSuffix + ":", StringComparison.Ordinal) is var at and >= 0 ? room[..(at + UserSuffix.Length)] : room;

    /// <summary>Splits a presence field into its shop and whether it counts user rooms; null for the all-shops field.</summary>
    public static (string ShopId, bool UserRooms)? ParseField(string field) => field == AllShopsField ? null
        : field.EndsWith(UserSuffix, StringComparison.Ordinal) ? (field[..^UserSuffix.Length], true) : (field, false);
}
