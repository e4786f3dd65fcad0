using Microsoft.Extensions.Caching.Memory;

namespace FoodFast.Analytics.Core.Caching;

/// <summary>The query cache when no Redis is configured: this process only.</summary>
public sealed class MemoryQueryCache(IMemoryCache memory) : IQueryCache
{
    private readonly HashSet<string> _keys = [];

    public Task<IReadOnlyList<byte[]?>> GetManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<byte[]?>>(keys.Select(key => memory.TryGetValue(key, out byte[]? value) ? value : null).ToArray());

    public Task SetAsync(string key, byte[] value, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        memory.Set(key, value, timeToLive);
        lock (_keys)
        {
            _keys.Add(key);
        }
        return Task.CompletedTask;
    }

    public Task PurgeShopAsync(string shopId, CancellationToken cancellationToken)
    {
        lock (_keys)
        {
            var prefixes = QueryCacheKeys.PurgedShops(shopId).Select(QueryCacheKeys.Prefix).ToList();
            foreach (var key in _keys.Where(k => prefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal))).ToList())
            {
                memory.Remove(key);
                _keys.Remove(key);
            }
        }
        return Task.CompletedTask;
    }
}
