using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Core.Caching;

/// <summary>
/// This instance's memory in front of the shared cache (Redis). A warm dashboard is asked the same few questions
/// over and over, and the Redis round trip (its wake-ups on two cores) was most of what such a hit cost; here an
/// entry read or written in the last <see cref="CacheOptions.NearTtlSeconds"/> is answered from memory.
/// <list type="bullet">
/// <item>An entry is kept no longer than its answer's <c>freshUntil</c>, so an instance never serves what the
/// shared cache would already have dropped.</item>
/// <item>A purge reaches every instance through <see cref="Forget"/> (Redis pub/sub); the short lifetime bounds
/// what a purge missed while Redis was unreachable.</item>
/// </list>
/// </summary>
public sealed class NearQueryCache : IQueryCache, IDisposable
{
    private readonly IQueryCache _shared;
    private readonly Func<byte[], DateTimeOffset?> _freshUntil;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;
    private readonly MemoryCache _memory;

    // Bumped by each purge of a shop: an entry remembered under an older generation is no longer served, and a
    // shared read that began before the purge is not remembered.
    private readonly ConcurrentDictionary<string, long> _generations = new(StringComparer.Ordinal);

    public NearQueryCache(IQueryCache shared, Func<byte[], DateTimeOffset?> freshUntil, IOptions<CacheOptions> options, TimeProvider time)
    {
        _shared = shared;
        _freshUntil = freshUntil;
        _time = time;
        _lifetime = TimeSpan.FromSeconds(options.Value.NearTtlSeconds);
        _memory = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.NearSizeMegabytes * 1024L * 1024 });
    }

    public async Task<IReadOnlyList<byte[]?>> GetManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var entries = new byte[]?[keys.Count];
        var missing = new List<int>();
        for (var i = 0; i < keys.Count; i++)
        {
            if (Recall(keys[i]) is { } value)
            {
                entries[i] = value;
            }
            else
            {
                missing.Add(i);
            }
        }
        if (missing.Count == 0)
        {
            return entries;
        }
        var generations = missing.Select(i => Generation(QueryCacheKeys.ShopOf(keys[i]))).ToArray();
        var fetched = await _shared.GetManyAsync(missing.Select(i => keys[i]).ToArray(), cancellationToken);
        for (var j = 0; j < missing.Count; j++)
        {
            entries[missing[j]] = fetched[j];
            if (fetched[j] is { } value)
            {
                Remember(keys[missing[j]], value, generations[j]);
            }
        }
        return entries;
    }

    public async Task SetAsync(string key, byte[] value, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        var generation = Generation(QueryCacheKeys.ShopOf(key));
        await _shared.SetAsync(key, value, timeToLive, cancellationToken);
        Remember(key, value, generation);
    }

    public async Task PurgeShopAsync(string shopId, CancellationToken cancellationToken)
    {
        Forget(shopId);
        await _shared.PurgeShopAsync(shopId, cancellationToken);
    }

    /// <summary>Stops serving the shop's entries from this instance's memory (a purge here or on another instance).</summary>
    public void Forget(string shopId)
    {
        foreach (var shop in QueryCacheKeys.PurgedShops(shopId))
        {
            _generations.AddOrUpdate(shop, 1, (_, generation) => generation + 1);
        }
    }

    private long Generation(string shop) => _generations.GetValueOrDefault(shop);

    private byte[]? Recall(string key) =>
        _memory.TryGetValue(key, out Near? near) && near!.ExpiresAt > _time.GetUtcNow() && near.Generation == Generation(QueryCacheKeys.ShopOf(key))
            ? near.Value
            : null;

    private void Remember(string key, byte[] value, long generation)
    {
        var now = _time.GetUtcNow();
        var expiresAt = now + _lifetime;
        if (_freshUntil(value) is { } freshUntil && freshUntil < expiresAt)
        {
            expiresAt = freshUntil;
        }
        if (expiresAt <= now || generation != Generation(QueryCacheKeys.ShopOf(key)))
        {
            return;
        }
        // The memory cache's own expiry only frees the space; whether an entry is served is decided on this clock.
        _memory.Set(key, new Near(value, expiresAt, generation),
            new MemoryCacheEntryOptions { Size = value.Length + 2L * key.Length, AbsoluteExpirationRelativeToNow = expiresAt - now });
    }

    public void Dispose() => _memory.Dispose();

    private sealed record Near(byte[] Value, DateTimeOffset ExpiresAt, long Generation);
}
