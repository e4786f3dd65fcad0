namespace FoodFast.Analytics.Core.Caching;

/// <summary>
/// Where query results are kept between requests: Redis when configured, process memory otherwise.
/// A cache that cannot answer must not fail the request: implementations swallow their own outages and report a miss.
/// </summary>
public interface IQueryCache
{
    /// <summary>The entries of the keys, in order, null where there is none; one round trip however many keys.</summary>
    Task<IReadOnlyList<byte[]?>> GetManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken);

    Task SetAsync(string key, byte[] value, TimeSpan timeToLive, CancellationToken cancellationToken);

    /// <summary>Drops every entry of a shop (after an erasure).</summary>
    Task PurgeShopAsync(string shopId, CancellationToken cancellationToken);
}
