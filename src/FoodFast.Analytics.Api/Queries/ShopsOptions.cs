namespace FoodFast.Analytics.Api.Queries;

/// <summary>
/// <c>Shops</c> section: each shop's time zone, the service's own configuration rather than data, because the
/// country of a shop's orders does not name one zone (tzdata lists Europe/Busingen beside Europe/Berlin for DE, and
/// several zones for AU). <c>GET /api/v1/shops</c> answers it, and the app opens a shop in it.
/// </summary>
public sealed class ShopsOptions
{
    public const string Section = "Shops";

    /// <summary>Shop id → IANA zone id (<c>Shops:TimeZones:shop-de-berlin=Europe/Berlin</c>).</summary>
    public Dictionary<string, string> TimeZones { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The zone of a shop not named in <see cref="TimeZones"/>. Default <c>UTC</c>.</summary>
    public string DefaultTimeZone { get; set; } = "UTC";

    /// <summary>The shop's zone, and whether it is its own setting or the default.</summary>
    public (string Zone, ShopTimeZoneSource Source) ZoneOf(string shopId) =>
        TimeZones.TryGetValue(shopId, out var zone) ? (zone, ShopTimeZoneSource.Setting) : (DefaultTimeZone, ShopTimeZoneSource.Default);
}

/// <summary>Where a shop's time zone comes from.</summary>
public enum ShopTimeZoneSource
{
    /// <summary><c>Shops:TimeZones:&lt;shopId&gt;</c>.</summary>
    Setting,

    /// <summary><c>Shops:DefaultTimeZone</c>: the shop has no zone of its own.</summary>
    Default,
}
