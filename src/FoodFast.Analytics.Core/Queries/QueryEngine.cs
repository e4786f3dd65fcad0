using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using FoodFast.Analytics.Core.Caching;
using FoodFast.Analytics.Core.Observability;
using FoodFast.Analytics.Core.Queries.Families;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Core.Validation;
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

    /// <summary>The typed result, for callers that read it (reports, saved dashboards, compositions).</summary>
    public async Task<QueryAnswer> RunAsync(AnalyticsQuery query, CancellationToken cancellationToken)
    {
        var problems = new List<FieldProblem>();
        if (QueryValidator.Validate(query, problems) is not { } validated)
        {
            return new QueryAnswer(null, problems);
        }
        var key = CacheKey(query);
        var hit = (await LookUpAsync([key], cancellationToken))[0];
        return new QueryAnswer(hit is null ? await ComputeAsync(validated, key, cancellationToken) : CachedResult.Parse(hit), []);
    }

    /// <summary>
    /// The results' JSON, for endpoints that send them unchanged: a hit is the cached bytes, never parsed, and the
    /// cache entries of all the queries are read in one round trip. The first invalid query answers for all.
    /// </summary>
    public async Task<JsonAnswers> RunJsonAsync(IReadOnlyList<AnalyticsQuery> queries, CancellationToken cancellationToken)
    {
        var validated = new List<ValidatedQuery>();
        foreach (var query in queries)
        {
            var problems = new List<FieldProblem>();
            if (QueryValidator.Validate(query, problems) is not { } valid)
            {
                return new JsonAnswers(null, problems);
            }
            validated.Add(valid);
        }
        var keys = queries.Select(CacheKey).ToList();
        var hits = await LookUpAsync(keys, cancellationToken);
        var results = await Task.WhenAll(hits.Select(async (hit, i) => hit ?? QueryJson.Of(await ComputeAsync(validated[i], keys[i], cancellationToken))));
        return new JsonAnswers(results, []);
    }

    /// <summary>The shop and the query's canonical JSON, hashed: equal questions share an entry, shops never do.</summary>
    public static string CacheKey(AnalyticsQuery query)
    {
        var canonical = JsonSerializer.SerializeToUtf8Bytes(query, WireJson.Options);
        return QueryCacheKeys.For(query.ShopId, CachedResult.Format, Convert.ToHexStringLower(SHA256.HashData(canonical)));
    }

    private async Task<QueryJson?[]> LookUpAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var entries = await cache.GetManyAsync(keys, cancellationToken);
        var hits = entries.Select(entry => entry is null ? null : CachedResult.Read(entry)).ToArray();
        foreach (var hit in hits)
        {
            metrics?.CacheLookup(hit is not null);
        }
        return hits;
    }

    private async Task<QueryResult> ComputeAsync(ValidatedQuery query, string key, CancellationToken cancellationToken)
    {
        var shared = _inFlight.GetOrAdd(key, _ => new Lazy<Task<QueryResult>>(() => ComputeAndCacheAsync(query, key)));
        try
        {
            return await shared.Value.WaitAsync(cancellationToken);
        }
        finally
        {
            _inFlight.TryRemove(new KeyValuePair<string, Lazy<Task<QueryResult>>>(key, shared));
        }
    }

    private async Task<QueryResult> ComputeAndCacheAsync(ValidatedQuery query, string key)
    {
        // Not the caller's token: other callers may be waiting on this computation.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var clock = Stopwatch.StartNew();
        ValidatedQuery? compare = null;
        if (query.Query.Compare is not null)
        {
            var (from, to) = ResultBuilder.PreviousRange(query);
            compare = query.Over(from, to);
        }
        var (current, previous) = compare is null
            ? (await store.Queries.AggregateAsync(query, timeout.Token), null)
            : await store.Queries.AggregateWithComparisonAsync(query, compare, timeout.Token);
        var took = clock.Elapsed.TotalMilliseconds;
        var noData = current.Rows.Count == 0 && (previous is null || previous.Rows.Count == 0) && query.Query.ShopId is { } shop
            && (await store.Families.ShopsAsync(new ShopQuery([shop]), timeout.Token)).Count == 0;
        var (columns, rows) = ResultBuilder.Build(query, current, previous);
        var now = time.GetUtcNow();
        var ttl = cacheOptions.Value.TimeToLive(query.Query.To, now);
        var meta = new ResultMeta(store.Backend, Math.Round(took, 1), false, current.Approximate || previous?.Approximate == true, now, now + ttl,
            query.Dataset, query.Query.TimeZone, query.Query.From, query.Query.To)
        {
            CompareFrom = compare?.Query.From,
            CompareTo = compare?.Query.To,
            ShopHasData = noData ? false : null,
            Source = current.FromRollups && previous?.FromRollups != false ? ResultMeta.Sources.Rollup : ResultMeta.Sources.Raw,
        };
        var result = new QueryResult(columns, rows, meta);
        if (ttl > TimeSpan.Zero)
        {
            await cache.SetAsync(key, CachedResult.Encode(result), ttl, CancellationToken.None);
        }
        return result;
    }
}

/// <summary>Either a result or the problems that kept the query from running.</summary>
public sealed record QueryAnswer(QueryResult? Result, IReadOnlyList<FieldProblem> Problems);

/// <summary>Either every query's result JSON, in order, or the problems of the first invalid query.</summary>
public sealed record JsonAnswers(IReadOnlyList<QueryJson>? Results, IReadOnlyList<FieldProblem> Problems);
