using FoodFast.Analytics.ServiceData;
using FoodFast.Analytics.ServiceData.ApiKeys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Api.Security.ApiKeys;

/// <summary>
/// Finds the key row for a presented key, reusing a found row for at most <c>Security:KeyCacheSeconds</c> (5 s):
/// that bounds how long a revocation made on another instance takes to bite. Unknown keys are never cached,
/// so guessing cannot fill memory and a new key works at once.
/// </summary>
public sealed class ApiKeyLookup(IDbContextFactory<ServiceDbContext> contexts, IOptions<SecurityOptions> options) : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions());

    public async Task<ApiKeyRecord?> FindAsync(string key, CancellationToken cancellationToken)
    {
        var hash = ApiKeyFormat.Hash(key);
        var cacheKey = Convert.ToHexString(hash);
        if (_cache.TryGetValue(cacheKey, out ApiKeyRecord? cached))
        {
            return cached;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.KeyHash == hash, cancellationToken);
        var seconds = options.Value.KeyCacheSeconds;
        if (found is not null && seconds > 0)
        {
            _cache.Set(cacheKey, found, TimeSpan.FromSeconds(seconds));
        }
        return found;
    }

    /// <summary>Drops a revoked key from this instance's cache at once (other instances follow within the cache time).</summary>
    public void Forget(byte[] keyHash) => _cache.Remove(Convert.ToHexString(keyHash));

    public void Dispose() => _cache.Dispose();
}
