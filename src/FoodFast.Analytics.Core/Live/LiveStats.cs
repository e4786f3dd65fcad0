namespace FoodFast.Analytics.Core.Live;

/// <summary>
/// Connected live-feed clients per shop. <see cref="Scope"/> says what was counted: <c>cluster</c> (every instance that
/// reported to Redis in the last <see cref="LivePresenceWindow"/>) or <c>instance</c> (this one only: no Redis).
/// </summary>
public sealed record LiveStats(DateTimeOffset At, string Scope, int Instances, long Total, long? AllShopsClients, IReadOnlyList<ShopClients> Shops)
{
    public const string ClusterScope = "cluster";
    public const string InstanceScope = "instance";

    /// <summary>An instance's report counts as live this long after it was written (it rewrites it every few seconds).</summary>
    public static readonly TimeSpan LivePresenceWindow = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Sums the instances' presence counters (see <see cref="LiveRooms.CountField"/>). For one shop: that shop's row (zeros
    /// when nobody listens) and no all-shops figure; for all shops (admin): every shop with clients, and the all-shops room.
    /// </summary>
    public static LiveStats Sum(IReadOnlyList<IReadOnlyDictionary<string, long>> instances, string? shopId, string scope, DateTimeOffset at)
    {
        var shops = new SortedDictionary<string, (long Shop, long User)>(StringComparer.Ordinal);
        long allShops = 0;
        foreach (var (field, count) in instances.SelectMany(i => i))
        {
            if (LiveRooms.ParseField(field) is not { } parsed)
            {
                allShops += count;
                continue;
            }
            var row = shops.GetValueOrDefault(parsed.ShopId);
            shops[parsed.ShopId] = parsed.UserRooms ? (row.Shop, row.User + count) : (row.Shop + count, row.User);
        }
        var rows = shops.Where(s => s.Value.Shop + s.Value.User > 0)
            .Select(s => new ShopClients(s.Key, s.Value.Shop + s.Value.User, s.Value.User)).ToList();
        if (shopId is not null)
        {
            rows = [rows.FirstOrDefault(r => r.ShopId == shopId) ?? new ShopClients(shopId, 0, 0)];
            return new LiveStats(at, scope, instances.Count, rows[0].Clients, null, rows);
        }
        return new LiveStats(at, scope, instances.Count, rows.Sum(r => r.Clients) + allShops, allShops, rows);
    }
}

/// <summary>A shop's connected clients: <see cref="Clients"/> in all its rooms, of which <see cref="UserRoomClients"/> in user rooms.</summary>
public sealed record ShopClients(string ShopId, long Clients, long UserRoomClients);
