using FoodFast.Analytics.Core.Caching;
using Microsoft.Extensions.Logging;
using FoodFast.Analytics.Core.Observability;
using StackExchange.Redis;

namespace FoodFast.Analytics.Redis.Caching;

/// <summary>
/// The query cache in Redis, shared by every instance. Redis being down makes queries slower, never failing:
/// every error is logged and answered as a miss (or a skipped write).
/// </summary>
public sealed class RedisQueryCache(RedisConnection connection, ILogger<RedisQueryCache> logger, FoodFastMetrics metrics) : IQueryCache
{
    private static readonly TimeSpan Patience = TimeSpan.FromMilliseconds(500);

    public async Task<IReadOnlyList<byte[]?>> GetManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        try
        {
            var db = (await connection.GetAsync().WaitAsync(Patience, cancellationToken)).GetDatabase();
            var values = await db.StringGetAsync(keys.Select(k => (RedisKey)Key(k)).ToArray()).WaitAsync(Patience, cancellationToken);
            return values.Select(v => v.IsNull ? null : (byte[]?)v).ToArray();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            metrics.DependencyError(Dependencies.Redis);
            logger.LogWarning("Query cache read skipped, Redis unavailable: {Error}", ex.Message);
            return new byte[]?[keys.Count];
        }
    }

    public async Task SetAsync(string key, byte[] value, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        try
        {
            var db = (await connection.GetAsync().WaitAsync(Patience, cancellationToken)).GetDatabase();
            await db.StringSetAsync(Key(key), value, timeToLive).WaitAsync(Patience, cancellationToken);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            metrics.DependencyError(Dependencies.Redis);
            logger.LogWarning("Query cache write skipped, Redis unavailable: {Error}", ex.Message);
        }
    }

    /// <summary>Deletes the shop's entries, then tells every instance to forget them too (see <see cref="NearCachePurgeListener"/>).</summary>
    public async Task PurgeShopAsync(string shopId, CancellationToken cancellationToken)
    {
        var multiplexer = await connection.GetAsync();
        foreach (var endpoint in multiplexer.GetEndPoints())
        {
            var server = multiplexer.GetServer(endpoint);
            foreach (var shop in QueryCacheKeys.PurgedShops(shopId))
            {
                var pattern = $"{EscapeGlob(Key(QueryCacheKeys.Prefix(shop)))}*";
                var keys = server.Keys(pattern: pattern, pageSize: 500).ToArray();
                if (keys.Length > 0)
                {
                    await multiplexer.GetDatabase().KeyDeleteAsync(keys);
                }
            }
        }
        await multiplexer.GetSubscriber().PublishAsync(PurgeChannel(connection.Options), shopId);
    }

    /// <summary>Carries the shop id of each purge to every instance's near cache.</summary>
    public static RedisChannel PurgeChannel(RedisOptions options) => new($"{options.KeyPrefix}cache:purge", RedisChannel.PatternMode.Literal);

    private string Key(string key) => connection.Options.KeyPrefix + key;

    /// <summary>A literal for a SCAN MATCH pattern (the all-shops prefix holds a <c>*</c>).</summary>
    private static string EscapeGlob(string literal) =>
        string.Concat(literal.Select(c => c is '*' or '?' or '[' or ']' or '\\' ? $"\\{c}" : c.ToString()));
}
