using System.Buffers.Binary;
using FoodFast.Analytics.Core.Caching;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.UnitTests.Queries;

public sealed class NearQueryCacheTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Settled = TimeSpan.FromHours(1);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly ManualTime _time = new(Start);
    private readonly SharedCache _shared = new();
    private readonly NearQueryCache _near;

    public NearQueryCacheTests() =>
        _near = new NearQueryCache(_shared, Entry.FreshUntil, Options.Create(new CacheOptions { NearTtlSeconds = 5 }), _time);

    private static string Key(string shop, string hash = "h1") => QueryCacheKeys.For(shop, "t", hash);

    [Fact]
    public async Task A_repeated_question_is_answered_from_memory_without_the_shared_cache()
    {
        var entry = Entry.FreshFor(Start + Settled);
        _shared.Put(Key("shop-a"), entry);

        var first = await _near.GetManyAsync([Key("shop-a")], Ct);
        var second = await _near.GetManyAsync([Key("shop-a")], Ct);

        Assert.Same(entry, first[0]);
        Assert.Same(entry, second[0]);
        Assert.Equal([[Key("shop-a")]], _shared.Reads);
    }

    [Fact]
    public async Task Only_the_keys_memory_lacks_are_read_from_the_shared_cache_in_one_round_trip()
    {
        _shared.Put(Key("shop-a", "h1"), Entry.FreshFor(Start + Settled));
        _shared.Put(Key("shop-a", "h3"), Entry.FreshFor(Start + Settled));
        await _near.GetManyAsync([Key("shop-a", "h1")], Ct);

        var entries = await _near.GetManyAsync([Key("shop-a", "h1"), Key("shop-a", "h2"), Key("shop-a", "h3")], Ct);

        Assert.Equal([true, false, true], entries.Select(e => e is not null));
        Assert.Equal([Key("shop-a", "h2"), Key("shop-a", "h3")], _shared.Reads[1]);
    }

    [Fact]
    public async Task A_written_entry_goes_to_the_shared_cache_and_is_then_answered_from_memory()
    {
        var entry = Entry.FreshFor(Start + Settled);

        await _near.SetAsync(Key("shop-a"), entry, Settled, Ct);
        var read = await _near.GetManyAsync([Key("shop-a")], Ct);

        Assert.Same(entry, _shared.Entries[Key("shop-a")]);
        Assert.Same(entry, read[0]);
        Assert.Empty(_shared.Reads);
    }

    [Fact]
    public async Task Memory_answers_for_the_near_lifetime_then_asks_the_shared_cache_again()
    {
        _shared.Put(Key("shop-a"), Entry.FreshFor(Start + Settled));
        await _near.GetManyAsync([Key("shop-a")], Ct);

        _time.Advance(TimeSpan.FromSeconds(4.9));
        await _near.GetManyAsync([Key("shop-a")], Ct);
        _time.Advance(TimeSpan.FromSeconds(0.1));
        await _near.GetManyAsync([Key("shop-a")], Ct);

        Assert.Equal(2, _shared.Reads.Count);
    }

    [Fact]
    public async Task An_answer_is_never_served_from_memory_past_its_fresh_until()
    {
        _shared.Put(Key("shop-a"), Entry.FreshFor(Start + TimeSpan.FromSeconds(2)));
        await _near.GetManyAsync([Key("shop-a")], Ct);
        _shared.Entries.Remove(Key("shop-a")); // Redis expired it at the same moment

        _time.Advance(TimeSpan.FromSeconds(1.9));
        var before = await _near.GetManyAsync([Key("shop-a")], Ct);
        _time.Advance(TimeSpan.FromSeconds(0.1));
        var after = await _near.GetManyAsync([Key("shop-a")], Ct);

        Assert.NotNull(before[0]);
        Assert.Null(after[0]);
    }

    [Fact]
    public async Task Forgetting_a_shop_drops_its_entries_and_the_all_shops_ones_but_not_other_shops()
    {
        foreach (var shop in new[] { "shop-a", "shop-b", QueryCacheKeys.AllShops })
        {
            _shared.Put(Key(shop), Entry.FreshFor(Start + Settled));
            await _near.GetManyAsync([Key(shop)], Ct);
        }

        _near.Forget("shop-a");
        await _near.GetManyAsync([Key("shop-a"), Key("shop-b"), Key(QueryCacheKeys.AllShops)], Ct);

        Assert.Equal([Key("shop-a"), Key(QueryCacheKeys.AllShops)], _shared.Reads[^1]);
    }

    [Fact]
    public async Task A_purge_forgets_here_and_purges_the_shared_cache()
    {
        _shared.Put(Key("shop-a"), Entry.FreshFor(Start + Settled));
        await _near.GetManyAsync([Key("shop-a")], Ct);

        await _near.PurgeShopAsync("shop-a", Ct);
        var after = await _near.GetManyAsync([Key("shop-a")], Ct);

        Assert.Equal(["shop-a"], _shared.Purged);
        Assert.Null(after[0]);
    }

    [Fact]
    public async Task A_shared_read_that_began_before_a_purge_is_not_remembered()
    {
        _shared.Put(Key("shop-a"), Entry.FreshFor(Start + Settled));
        var gate = new TaskCompletionSource();
        _shared.Gate = gate.Task;

        var reading = _near.GetManyAsync([Key("shop-a")], Ct);
        _near.Forget("shop-a");
        gate.SetResult();
        var stale = await reading;
        _shared.Gate = Task.CompletedTask;
        await _near.GetManyAsync([Key("shop-a")], Ct);

        Assert.NotNull(stale[0]); // the reader that raced the purge gets what Redis had then...
        Assert.Equal(2, _shared.Reads.Count); // ...but the next one asks again
    }

    /// <summary>Entries in the near cache's terms: 8 bytes of fresh-until (Unix milliseconds) then a body.</summary>
    private static class Entry
    {
        public static byte[] FreshFor(DateTimeOffset until)
        {
            var entry = new byte[12];
            BinaryPrimitives.WriteInt64BigEndian(entry, until.ToUnixTimeMilliseconds());
            return entry;
        }

        public static DateTimeOffset? FreshUntil(byte[] entry) => DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(entry));
    }

    /// <summary>The shared cache, recording every round trip.</summary>
    private sealed class SharedCache : IQueryCache
    {
        public Dictionary<string, byte[]> Entries { get; } = [];
        public List<string[]> Reads { get; } = [];
        public List<string> Purged { get; } = [];
        public Task Gate { get; set; } = Task.CompletedTask;

        public void Put(string key, byte[] value) => Entries[key] = value;

        public async Task<IReadOnlyList<byte[]?>> GetManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
        {
            Reads.Add([.. keys]);
            var values = keys.Select(k => Entries.GetValueOrDefault(k)).ToArray();
            await Gate;
            return values;
        }

        public Task SetAsync(string key, byte[] value, TimeSpan timeToLive, CancellationToken cancellationToken)
        {
            Entries[key] = value;
            return Task.CompletedTask;
        }

        public Task PurgeShopAsync(string shopId, CancellationToken cancellationToken)
        {
            Purged.Add(shopId);
            Entries.Clear();
            return Task.CompletedTask;
        }
    }
}
