using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FoodFast.Analytics.Core.Caching;
using FoodFast.Analytics.Core.Ingestion.Validation;
using FoodFast.Analytics.Core.Observability;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Core.Wire;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Core.Queries;

/// <summary>
/// Answers an <see cref="AnalyticsQuery"/>: validates it, serves it from the cache when fresh, otherwise asks
/// the store (identical concurrent misses share one store call) and builds the typed result.
/// </summary>
public sealed class QueryEngine(IAnalyticsStore store, IQueryCache cache, IOptions<CacheOptions> cacheOptions, TimeProvider time, FoodFastMetrics? metrics = null)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<QueryResult>>> _inFlight = new();

    public async Task<QueryAnswer> RunAsync(AnalyticsQuery query, CancellationToken cancellationToken)
    {
        var problems = new List<FieldProblem>();
        var validated = QueryValidator.Validate(query, problems);
        if (validated is null)
        {
            return new QueryAnswer(null, problems);
        }
        var key = CacheKey(query);
        var hit = await cache.GetAsync(key, cancellationToken);
        metrics?.CacheLookup(hit is not null);
        if (hit is not null)
        {
            var cached = JsonSerializer.Deserialize<QueryResult>(hit, WireJson.Options)!;
            return new QueryAnswer(cached with { Meta = cached.Meta with { Cached = true } }, []);
        }
        var shared = _inFlight.GetOrAdd(key, _ => new Lazy<Task<QueryResult>>(() => ComputeAndCacheAsync(validated, key)));
        try
        {
            return new QueryAnswer(await shared.Value.WaitAsync(cancellationToken), []);
        }
        finally
        {
            _inFlight.TryRemove(new KeyValuePair<string, Lazy<Task<QueryResult>>>(key, shared));
        }
    }

    /// <summary>The shop and the query's canonical JSON, hashed: equal questions share an entry, shops never do.</summary>
    public static string CacheKey(AnalyticsQuery query)
    {
        var canonical = JsonSerializer.SerializeToUtf8Bytes(query, WireJson.Options);
        return $"q:{query.ShopId ?? "*"}:{Convert.ToHexStringLower(SHA256.HashData(canonical))}";
    }

    private async Task<QueryResult> ComputeAndCacheAsync(ValidatedQuery query, string key)
    {
        // Not the caller's token: other callers may be waiting on this computation.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var clock = Stopwatch.StartNew();
        var current = await store.Queries.AggregateAsync(query, timeout.Token);
        AggregateTable? previous = null;
        if (query.Query.Compare is not null)
        {
            var (from, to) = ResultBuilder.PreviousRange(query);
            previous = await store.Queries.AggregateAsync(query.Over(from, to), timeout.Token);
        }
        var took = clock.Elapsed.TotalMilliseconds;
        var (columns, rows) = ResultBuilder.Build(query, current, previous);
        var now = time.GetUtcNow();
        var ttl = cacheOptions.Value.TimeToLive(query.Query.To, now);
        var meta = new ResultMeta(store.Backend, Math.Round(took, 1), false, current.Approximate || previous?.Approximate == true, now, now + ttl,
            query.Dataset, query.Query.TimeZone, query.Query.From, query.Query.To)
        {
            CompareFrom = query.Query.Compare is null ? null : ResultBuilder.PreviousRange(query).From,
            CompareTo = query.Query.Compare is null ? null : ResultBuilder.PreviousRange(query).To,
        };
        var result = new QueryResult(columns, rows, meta);
        if (ttl > TimeSpan.Zero)
        {
            await cache.SetAsync(key, JsonSerializer.SerializeToUtf8Bytes(result, WireJson.Options), ttl, CancellationToken.None);
        }
        return result;
    }
}

/// <summary>Either a result or the problems that kept the query from running.</summary>
public sealed record QueryAnswer(QueryResult? Result, IReadOnlyList<FieldProblem> Problems);
