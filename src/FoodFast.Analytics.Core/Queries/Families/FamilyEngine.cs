using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using FoodFast.Analytics.Core.Caching;
using FoodFast.Analytics.Core.Events;
using FoodFast.Analytics.Core.Observability;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Core.Validation;
using FoodFast.Analytics.Core.Wire;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Core.Queries.Families;

/// <summary>
/// Answers the query families (funnels, retention cohorts, segments, stock, search) as <see cref="QueryEngine"/> answers
/// aggregates: it judges the parameters, serves a fresh answer from the query cache (keyed per shop, so an erasure's or a
/// retention run's purge drops it; kept as long as <see cref="CacheOptions.TimeToLive"/> says for the range's end),
/// otherwise asks the store and stamps the <see cref="ResultMeta"/> with the store's time and the clock's now.
/// Search is not cached: it reads the newest data there is.
/// </summary>
public sealed class FamilyEngine(IAnalyticsStore store, IQueryCache cache, IOptions<CacheOptions> cacheOptions, TimeProvider time, FoodFastMetrics? metrics = null)
{
    public Task<JsonAnswers> FunnelAsync(AnalyticsQuery range, string? steps, string? unit, int? windowMinutes, CancellationToken cancellationToken)
    {
        var problems = new List<FieldProblem>();
        var parsed = (steps ?? string.Join(',', FunnelQuery.DefaultSteps.Select(WireNames.Of))).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => WireNames.TryParse<ActivityType>(s, out var type) ? type : (ActivityType?)null).ToList();
        if (parsed.Count is < 2 or > 10 || parsed.Any(s => s is null))
        {
            problems.Add(new("steps", $"must be 2 to 10 event types separated by commas; valid: {string.Join(", ", WireNames.All<ActivityType>())}"));
        }
        if (!WireNames.TryParse<FunnelUnit>(unit ?? "session", out var funnelUnit))
        {
            problems.Add(new("unit", $"'{unit}' is not a funnel unit; valid: session, user"));
        }
        if (windowMinutes is < 1 or > 43_200)
        {
            problems.Add(new("windowMinutes", "must be between 1 and 43200 (30 days)"));
        }
        if (problems.Count > 0)
        {
            return Task.FromResult(Invalid(problems));
        }
        var typed = parsed.Select(s => s!.Value).ToList();
        var query = new FunnelQuery(range.ShopId, range.From, range.To, typed, funnelUnit, TimeSpan.FromMinutes(windowMinutes ?? 1440));
        return AnswerAsync<FunnelResult>("funnel", query, range, range.To, async ct =>
        {
            var counts = await store.Families.FunnelAsync(query, ct);
            return meta => new FunnelResult(WireNames.Of(funnelUnit), FunnelResult.Build(typed, counts), meta);
        }, cancellationToken);
    }

    /// <summary>Cohorts over <paramref name="range"/>; offsets still in the future (in the range's time zone) are left out.</summary>
    public Task<JsonAnswers> RetentionAsync(AnalyticsQuery range, string? period, int? periods, CancellationToken cancellationToken)
    {
        if (period is not (null or "month" or "week") || periods is < 1 or > 36)
        {
            return Task.FromResult(Invalid([new(period is not (null or "month" or "week") ? "period" : "periods",
                period is not (null or "month" or "week") ? $"'{period}' is not a cohort period; valid: month, week" : "must be between 1 and 36")]));
        }
        var bucket = period == "week" ? TimeBucket.Week : TimeBucket.Month;
        var query = new RetentionQuery(range.ShopId, range.From, range.To, range.TimeZone, bucket, periods ?? 6);
        return AnswerAsync<RetentionResult>("retention", query, range, range.To, async ct =>
        {
            var rows = await store.Families.RetentionAsync(query, ct);
            var zone = IanaTimeZone.TryFind(range.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
            var current = Buckets.Truncate(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime, bucket);
            var cohorts = rows.Select(r => Cohort(r.Cohort, r.Size, r.Active, current, bucket)).ToList();
            return meta => new RetentionResult(WireNames.Of(bucket), cohorts, meta);
        }, cancellationToken);
    }

    /// <summary>Segments as of <paramref name="asOf"/> (now when null); the meta describes <paramref name="range"/>.</summary>
    public Task<JsonAnswers> SegmentsAsync(AnalyticsQuery range, DateTimeOffset? asOf, int? lookbackDays, CancellationToken cancellationToken)
    {
        if (lookbackDays is < 1 or > 3650)
        {
            return Task.FromResult(Invalid([new("lookbackDays", "must be between 1 and 3650")]));
        }
        var question = new { range.ShopId, AsOf = asOf, LookbackDays = lookbackDays ?? 365 };
        return AnswerAsync<SegmentResult>("segments", question, range, asOf, async ct =>
        {
            var query = new SegmentQuery(range.ShopId, asOf ?? time.GetUtcNow(), question.LookbackDays);
            var found = (await store.Families.SegmentsAsync(query, ct)).ToDictionary(s => s.Name);
            var segments = SegmentResult.Names.Select(n => found.GetValueOrDefault(n) ?? new Segment(n, 0, 0, 0, new Dictionary<string, decimal>())).ToList();
            return meta => new SegmentResult(segments, meta);
        }, cancellationToken);
    }

    /// <summary>Stock levels as of <paramref name="asOf"/> (now when null), and those at or below the threshold (default 10).</summary>
    public Task<JsonAnswers> StockAsync(AnalyticsQuery range, DateTimeOffset? asOf, int? threshold, CancellationToken cancellationToken)
    {
        if (threshold is < 0 or > 1_000_000)
        {
            return Task.FromResult(Invalid([new("threshold", "must be between 0 and 1000000")]));
        }
        var limit = threshold ?? 10;
        var question = new { range.ShopId, AsOf = asOf, Threshold = limit };
        return AnswerAsync<InventoryResult>("stock", question, range, asOf, async ct =>
        {
            var levels = await store.Families.StockAsync(new StockQuery(range.ShopId, asOf ?? time.GetUtcNow()), ct);
            var low = levels.Where(l => l.Level <= limit).OrderBy(l => l.Level).ThenBy(l => l.ProductId, StringComparer.Ordinal).ToList();
            return meta => new InventoryResult(limit, levels, low, meta);
        }, cancellationToken);
    }

    /// <summary>
    /// What the store holds of each shop (all of them when <paramref name="shopId"/> is null). It changes with every order,
    /// so it is kept as long as an answer about now (<see cref="CacheOptions.LiveTtlSeconds"/>): the app asks on every
    /// view, and on a million orders the store takes half a second to count them.
    /// </summary>
    public async Task<IReadOnlyList<ShopSummary>> ShopsAsync(string? shopId, CancellationToken cancellationToken)
    {
        var key = QueryCacheKeys.For(shopId, $"{CachedResult.Format}-shops", "summary");
        if (await LookUpAsync(key, cancellationToken) is { } hit)
        {
            return JsonSerializer.Deserialize<List<ShopSummary>>(hit.Json.Span, WireJson.Options)!;
        }
        var shops = await store.Families.ShopsAsync(new ShopQuery(shopId is null ? null : [shopId]), cancellationToken);
        var now = time.GetUtcNow();
        await KeepAsync(key, Json(shops), now, cacheOptions.Value.TimeToLive(now, now));
        return shops;
    }

    public async Task<JsonAnswers> SearchAsync(string? shopId, string? text, string? type, int? page, int? size, CancellationToken cancellationToken)
    {
        var problems = new List<FieldProblem>();
        if (string.IsNullOrWhiteSpace(text) || text.Length > 200 || !Patterns.IsStorableText(text))
        {
            problems.Add(new("query", "must be 1 to 200 characters of valid Unicode without NUL"));
        }
        var target = type switch { null or "all" => SearchTarget.All, "orders" => SearchTarget.Orders, "events" => SearchTarget.Events, _ => (SearchTarget?)null };
        if (target is null)
        {
            problems.Add(new("type", $"'{type}' is not a search type; valid: all, orders, events"));
        }
        if (size is < 1 or > 100 || page is < 0 or > 1000)
        {
            problems.Add(new(size is < 1 or > 100 ? "size" : "page", size is < 1 or > 100 ? "must be between 1 and 100" : "must be between 0 and 1000"));
        }
        if (problems.Count > 0)
        {
            return Invalid(problems);
        }
        var clock = Stopwatch.StartNew();
        var search = new SearchQuery(shopId, text!.Trim(), target!.Value, page ?? 0, size ?? 20);
        var (total, hits) = await store.Families.SearchAsync(search, cancellationToken);
        var now = time.GetUtcNow();
        var meta = new ResultMeta(store.Backend, Took(clock), false, false, now, now, "orders+events", "UTC", DateTimeOffset.MinValue, now);
        return One(Json(new SearchPage(search.Text, search.Page, search.Size, total, hits, meta)), now);
    }

    /// <summary>
    /// The cached answer to <paramref name="question"/> when there is a fresh one; otherwise <paramref name="compute"/>'s,
    /// cached until the range's end (<paramref name="end"/>; null: now) has settled as <see cref="CacheOptions"/> says.
    /// </summary>
    private async Task<JsonAnswers> AnswerAsync<T>(string family, object question, AnalyticsQuery range, DateTimeOffset? end,
        Func<CancellationToken, Task<Func<ResultMeta, T>>> compute, CancellationToken cancellationToken)
    {
        // The range is in the key too: the meta describes it, even where the question reads only part of it.
        var canonical = JsonSerializer.SerializeToUtf8Bytes(new { range.Dataset, range.ShopId, range.From, range.To, range.TimeZone, Question = question }, WireJson.Options);
        var key = QueryCacheKeys.For(range.ShopId, $"{CachedResult.Format}-{family}", Convert.ToHexStringLower(SHA256.HashData(canonical)));
        if (await LookUpAsync(key, cancellationToken) is { } hit)
        {
            return new JsonAnswers([hit], []);
        }
        var clock = Stopwatch.StartNew();
        var build = await compute(cancellationToken);
        var now = time.GetUtcNow();
        var ttl = cacheOptions.Value.TimeToLive(end ?? now, now);
        var meta = new ResultMeta(store.Backend, Took(clock), false, false, now, now + ttl, range.Dataset, range.TimeZone, range.From, range.To);
        await KeepAsync(key, Json(build(meta with { Cached = true })), now, ttl);
        return One(Json(build(meta)), now);
    }

    /// <summary>The fresh cached answer under <paramref name="key"/>, counted as a hit or a miss.</summary>
    private async Task<QueryJson?> LookUpAsync(string key, CancellationToken cancellationToken)
    {
        var entry = (await cache.GetManyAsync([key], cancellationToken))[0];
        var hit = entry is null ? null : CachedResult.Read(entry);
        metrics?.CacheLookup(hit is not null);
        return hit;
    }

    /// <summary>Keeps <paramref name="json"/> for <paramref name="ttl"/> (not at all when it is zero).</summary>
    private Task KeepAsync(string key, byte[] json, DateTimeOffset now, TimeSpan ttl) =>
        ttl > TimeSpan.Zero ? cache.SetAsync(key, CachedResult.Encode(json, now, now + ttl), ttl, CancellationToken.None) : Task.CompletedTask;

    private static RetentionCohort Cohort(string key, long size, IReadOnlyList<long> activePerOffset, DateTime current, TimeBucket bucket)
    {
        var start = DateTime.ParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var elapsed = 0;
        for (var p = start; p <= current && elapsed < activePerOffset.Count; p = Buckets.Next(p, bucket))
        {
            elapsed++;
        }
        var active = activePerOffset.Take(elapsed).ToList();
        return new RetentionCohort(key, size, active, active.Select(a => size == 0 ? 0 : Math.Round((decimal)a / size, 4)).ToList());
    }

    private static byte[] Json<T>(T result) => JsonSerializer.SerializeToUtf8Bytes(result, WireJson.Options);

    private static JsonAnswers One(byte[] json, DateTimeOffset computedAt) => new([new QueryJson(json, false, computedAt)], []);

    private static JsonAnswers Invalid(IReadOnlyList<FieldProblem> problems) => new(null, problems);

    private static double Took(Stopwatch clock) => Math.Round(clock.Elapsed.TotalMilliseconds, 1);
}
