using FoodFast.Analytics.Core.Live;
using StackExchange.Redis;

namespace FoodFast.Analytics.Redis.Live;

/// <summary>
/// Connected live-feed clients of every instance, in Redis: each instance replaces its own hash of counters (room kind →
/// clients) whenever a client joins or leaves and every few seconds, and is listed in a sorted set by when it last wrote.
/// An instance that stops writing drops out after <see cref="LiveStats.LivePresenceWindow"/>.
/// </summary>
public sealed class LivePresence(RedisConnection connection, TimeProvider time)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(1);
    private readonly LiveKeys _keys = new(connection.Options.KeyPrefix);

    public bool Enabled => connection.Options.Configuration.Length > 0;

    public async Task WriteAsync(string instance, IReadOnlyDictionary<string, long> counts, CancellationToken cancellationToken)
    {
        var db = await DatabaseAsync(cancellationToken);
        var now = time.GetUtcNow();
        var key = _keys.Presence(instance);
        var transaction = db.CreateTransaction();
        _ = transaction.KeyDeleteAsync(key);
        if (counts.Count > 0)
        {
            _ = transaction.HashSetAsync(key, counts.Select(c => new HashEntry(c.Key, c.Value)).ToArray());
            _ = transaction.KeyExpireAsync(key, LiveStats.LivePresenceWindow);
        }
        _ = transaction.SortedSetAddAsync(_keys.Instances, instance, now.ToUnixTimeMilliseconds());
        _ = transaction.SortedSetRemoveRangeByScoreAsync(_keys.Instances, double.NegativeInfinity, (now - LiveStats.LivePresenceWindow).ToUnixTimeMilliseconds());
        await transaction.ExecuteAsync().WaitAsync(Patience, cancellationToken);
    }

    /// <summary>Removes an instance that stops, so it does not linger in the figures until its report expires.</summary>
    public async Task RemoveAsync(string instance, CancellationToken cancellationToken)
    {
        var db = await DatabaseAsync(cancellationToken);
        var transaction = db.CreateTransaction();
        _ = transaction.KeyDeleteAsync(_keys.Presence(instance));
        _ = transaction.SortedSetRemoveAsync(_keys.Instances, instance);
        await transaction.ExecuteAsync().WaitAsync(Patience, cancellationToken);
    }

    /// <summary>Every live instance's counters, in two round trips.</summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, long>>> ReadAsync(CancellationToken cancellationToken)
    {
        var db = await DatabaseAsync(cancellationToken);
        var since = (time.GetUtcNow() - LiveStats.LivePresenceWindow).ToUnixTimeMilliseconds();
        var instances = await db.SortedSetRangeByScoreAsync(_keys.Instances, since, double.PositiveInfinity).WaitAsync(Patience, cancellationToken);
        var batch = db.CreateBatch();
        var reads = instances.Select(i => batch.HashGetAllAsync(_keys.Presence(i!))).ToList();
        batch.Execute();
        var hashes = await Task.WhenAll(reads).WaitAsync(Patience, cancellationToken);
        return hashes.Select(h => (IReadOnlyDictionary<string, long>)h.ToDictionary(e => (string)e.Name!, e => (long)e.Value, StringComparer.Ordinal)).ToList();
    }

    private async Task<IDatabase> DatabaseAsync(CancellationToken cancellationToken) =>
        (await connection.GetAsync().WaitAsync(Patience, cancellationToken)).GetDatabase();
}
