namespace FoodFast.Analytics.Redis.Live;

/// <summary>Every key and channel of the live counters and feed, all under <see cref="RedisOptions.KeyPrefix"/>.</summary>
public sealed class LiveKeys(string prefix)
{
    /// <summary>One shop's minute bucket (a hash, see <see cref="Core.Live.MinuteFields"/>); <paramref name="minute"/> is Unix minutes.</summary>
    public string Minute(string shopId, long minute) => $"{prefix}live:m:{shopId}:{minute}";

    /// <summary>Marks an order as counted, so a retried identical order (or its later paid copy) is counted once.</summary>
    public string Seen(string shopId, string orderId) => $"{prefix}live:seen:{shopId}:{orderId}";

    /// <summary>Sorted set of session ids scored by last-seen Unix milliseconds.</summary>
    public string Sessions(string shopId) => $"{prefix}live:sessions:{shopId}";

    /// <summary>Held for a second by the instance that sends the shop's next <c>analytics.updated</c>.</summary>
    public string Pulse(string shopId) => $"{prefix}live:pulse:{shopId}";

    /// <summary>One instance's connected clients per room kind (a hash, see <see cref="Core.Live.LiveRooms.CountField"/>).</summary>
    public string Presence(string instance) => $"{prefix}live:presence:{instance}";

    /// <summary>Sorted set of instances scored by when they last wrote their presence (Unix milliseconds).</summary>
    public string Instances => $"{prefix}live:instances";

    public string Channel(string shopId) => $"{prefix}live:feed:{shopId}";

    public string ChannelPattern => $"{prefix}live:feed:*";

    public string ShopOfChannel(string channel) => channel[$"{prefix}live:feed:".Length..];
}
