using FoodFast.Analytics.Core.Events;
using FoodFast.Analytics.Core.Live;
using FoodFast.Analytics.Core.Orders;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Order = FoodFast.Analytics.Core.Orders.Order;

namespace FoodFast.Analytics.Redis.Live;

/// <summary>
/// Live counters in Redis: per shop, one hash per minute (orders, revenue per currency, and per product units,
/// orders and revenue), kept a little over an hour, and a sorted set of active sessions. An order counts once, in
/// the minute it was created, when first seen as created or paid. Every call is bounded by <see cref="LiveOptions.RedisTimeoutMs"/>.
/// </summary>
public sealed class LiveCounters(RedisConnection connection, IOptions<LiveOptions> options, TimeProvider time)
{
    public const int WindowMinutes = 60;
    public static readonly TimeSpan BucketLifetime = TimeSpan.FromMinutes(WindowMinutes + 65);
    public static readonly TimeSpan SeenLifetime = TimeSpan.FromHours(24);
    private static readonly TimeSpan SessionWindow = TimeSpan.FromMinutes(5);

    private readonly TimeSpan _patience = TimeSpan.FromMilliseconds(options.Value.RedisTimeoutMs);

    public LiveKeys Keys { get; } = new(connection.Options.KeyPrefix);

    /// <summary>False without Redis: there are no counters then, and the realtime endpoints answer 503.</summary>
    public bool Enabled => connection.Options.Configuration.Length > 0;

    public static long MinuteOf(DateTimeOffset at) => at.ToUnixTimeSeconds() / 60;

    /// <summary>
    /// First of the two pipelined round trips of a batch: marks its created or paid orders as seen, and answers those seen
    /// for the first time (they are <c>order.created</c> and get counted).
    /// </summary>
    public async Task<IReadOnlySet<(string ShopId, string OrderId)>> MarkFirstSeenAsync(IReadOnlyList<Order> orders, CancellationToken cancellationToken)
    {
        var candidates = orders.Where(o => o.Status is OrderStatus.Created or OrderStatus.Paid).ToList();
        var firstSeen = new HashSet<(string, string)>();
        if (candidates.Count == 0)
        {
            return firstSeen;
        }
        var db = await DatabaseAsync(cancellationToken);
        var marking = db.CreateBatch();
        var marks = candidates.Select(o => marking.StringSetAsync(Keys.Seen(o.ShopId, o.OrderId), "1", SeenLifetime, When.NotExists)).ToList();
        marking.Execute();
        var won = await Task.WhenAll(marks).WaitAsync(_patience, cancellationToken);
        for (var i = 0; i < candidates.Count; i++)
        {
            if (won[i])
            {
                firstSeen.Add((candidates[i].ShopId, candidates[i].OrderId));
            }
        }
        return firstSeen;
    }

    /// <summary>Second round trip: adds the first-seen orders to their minute buckets and the events' sessions to the active set.</summary>
    public async Task CountAsync(IReadOnlyList<Order> orders, IReadOnlySet<(string ShopId, string OrderId)> firstSeen, IReadOnlyList<ActivityEvent> events,
        CancellationToken cancellationToken)
    {
        var db = await DatabaseAsync(cancellationToken);
        var now = time.GetUtcNow();
        var batch = db.CreateBatch();
        var writes = new List<Task>();
        foreach (var order in orders.Where(o => firstSeen.Contains((o.ShopId, o.OrderId))))
        {
            var minute = MinuteOf(order.CreatedAt < now ? order.CreatedAt : now);
            if (minute > MinuteOf(now) - WindowMinutes)
            {
                var (increments, names) = MinuteFields.ForOrder(order);
                var key = Keys.Minute(order.ShopId, minute);
                writes.AddRange(increments.Select(i => batch.HashIncrementAsync(key, i.Key, i.Value)));
                writes.Add(batch.HashSetAsync(key, names.Select(n => new HashEntry(n.Key, n.Value)).ToArray()));
                writes.Add(batch.KeyExpireAsync(key, BucketLifetime));
            }
        }
        foreach (var shop in events.Where(e => e.SessionId is not null).GroupBy(e => e.ShopId))
        {
            var key = Keys.Sessions(shop.Key);
            var entries = shop.GroupBy(e => e.SessionId!)
                .Select(s => new SortedSetEntry(s.Key, Math.Min(s.Max(e => e.OccurredAt.ToUnixTimeMilliseconds()), now.ToUnixTimeMilliseconds()))).ToArray();
            writes.Add(batch.SortedSetAddAsync(key, entries));
            writes.Add(batch.SortedSetRemoveRangeByScoreAsync(key, double.NegativeInfinity, (now - BucketLifetime).ToUnixTimeMilliseconds()));
            writes.Add(batch.KeyExpireAsync(key, BucketLifetime));
        }
        batch.Execute();
        await Task.WhenAll(writes).WaitAsync(_patience, cancellationToken);
    }

    /// <summary>The last hour of a shop's minute buckets, oldest first, in one pipelined round trip, plus active sessions.</summary>
    public async Task<(IReadOnlyList<(long Minute, IReadOnlyList<KeyValuePair<string, string>> Fields)> Minutes, long ActiveSessions)> ReadAsync(string shopId, CancellationToken cancellationToken)
    {
        var db = await DatabaseAsync(cancellationToken);
        var now = time.GetUtcNow();
        var current = MinuteOf(now);
        var batch = db.CreateBatch();
        var reads = Enumerable.Range(0, WindowMinutes).Select(i => current - WindowMinutes + 1 + i)
            .Select(m => (Minute: m, Fields: batch.HashGetAllAsync(Keys.Minute(shopId, m)))).ToList();
        var sessions = batch.SortedSetLengthAsync(Keys.Sessions(shopId), (now - SessionWindow).ToUnixTimeMilliseconds(), double.PositiveInfinity);
        batch.Execute();
        await Task.WhenAll(reads.Select(r => (Task)r.Fields).Append(sessions)).WaitAsync(_patience, cancellationToken);
        var minutes = reads.Select(r => (r.Minute, (IReadOnlyList<KeyValuePair<string, string>>)r.Fields.Result
            .Select(f => new KeyValuePair<string, string>(f.Name!, f.Value!)).ToList())).ToList();
        return (minutes, sessions.Result);
    }

    /// <summary>Replaces one minute bucket with recomputed fields (the rebuild), atomically.</summary>
    public async Task ReplaceMinuteAsync(string shopId, long minute, IReadOnlyList<KeyValuePair<string, string>> fields, CancellationToken cancellationToken)
    {
        var db = await DatabaseAsync(cancellationToken);
        var key = Keys.Minute(shopId, minute);
        var transaction = db.CreateTransaction();
        _ = transaction.KeyDeleteAsync(key);
        if (fields.Count > 0)
        {
            _ = transaction.HashSetAsync(key, fields.Select(f => new HashEntry(f.Key, f.Value)).ToArray());
            _ = transaction.KeyExpireAsync(key, BucketLifetime);
        }
        await transaction.ExecuteAsync().WaitAsync(_patience * 4, cancellationToken);
    }

    /// <summary>Takes the shop's one-second pulse slot; false when another instance (or this one) took it within the second.</summary>
    public async Task<bool> TryTakePulseAsync(string shopId, CancellationToken cancellationToken)
    {
        var db = await DatabaseAsync(cancellationToken);
        return await db.StringSetAsync(Keys.Pulse(shopId), "1", TimeSpan.FromSeconds(1), When.NotExists).WaitAsync(_patience, cancellationToken);
    }

    private async Task<IDatabase> DatabaseAsync(CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            throw new LiveCountersUnavailableException("Redis is not configured (Redis:Configuration is empty)");
        }
        return (await connection.GetAsync().WaitAsync(_patience, cancellationToken)).GetDatabase();
    }
}

/// <summary>The counters cannot be read: Redis is not configured.</summary>
public sealed class LiveCountersUnavailableException(string message) : Exception(message);
