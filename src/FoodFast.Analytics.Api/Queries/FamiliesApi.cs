using System.ComponentModel;
using System.Diagnostics;
using FoodFast.Analytics.Core.Events;
using FoodFast.Analytics.Core.Ingestion.Validation;
using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Queries.Families;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Core.Wire;

namespace FoodFast.Analytics.Api.Queries;

/// <summary>Funnel, retention cohorts, RFM segments and full-text search.</summary>
internal static class FamiliesApi
{
    public static void MapFamiliesApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/v1/analytics/users").WithTags("Users");
        users.MapGet("/conversion", Conversion).WithName("GetConversionFunnel")
            .WithSummary("Funnel: sessions (unit=session) or users (unit=user) reaching each step in order within windowMinutes of the first (steps default product_view,add_to_cart,checkout_start,purchase).")
            .Produces<FunnelResult>().ProducesValidationProblem();
        users.MapGet("/retention", Retention).WithName("GetRetention")
            .WithSummary("Cohorts by the month (period=month) or ISO week (period=week) of each customer's first order; customers active in each following period.")
            .Produces<RetentionResult>().ProducesValidationProblem();
        users.MapGet("/segments", Segments).WithName("GetSegments")
            .WithSummary("RFM segments (champions, loyal, new, at_risk, lost) as of the end of the window, from orders in lookbackDays (default 365).")
            .Produces<SegmentResult>().ProducesValidationProblem();
        app.MapGet("/api/v1/analytics/search", Search).WithName("Search").WithTags("Search")
            .WithSummary("Full-text search over orders (ids, customer, product names) and events (queries, products, ids): type=all|orders|events, page, size.")
            .Produces<SearchPage>().ProducesValidationProblem();
    }

    public static async Task<IResult> Conversion(
        [AsParameters] Window window,
        [Description("Funnel steps, 2 to 10 event types separated by commas. Default product_view,add_to_cart,checkout_start,purchase.")] string? steps,
        [Description("What moves through the funnel: session or user. Default session.")] string? unit,
        [Description("Minutes from the first step within which the later steps count (1-43200). Default 1440.")] int? windowMinutes,
        IAnalyticsStore store, CancellationToken ct)
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
            return QueryResponses.Invalid(problems);
        }
        var range = window.Query(Datasets.Events);
        var typed = parsed.Select(s => s!.Value).ToList();
        var clock = Stopwatch.StartNew();
        var counts = await store.Families.FunnelAsync(new FunnelQuery(range.ShopId, range.From, range.To, typed, funnelUnit, TimeSpan.FromMinutes(windowMinutes ?? 1440)), ct);
        return TypedResults.Ok(new FunnelResult(WireNames.Of(funnelUnit), FunnelResult.Build(typed, counts), Meta(store, clock, range)));
    }

    public static async Task<IResult> Retention(
        [AsParameters] Window window,
        [Description("Cohort period: month or week. Default month.")] string? period,
        [Description("Periods followed after the first (1-36). Default 6.")] int? periods,
        IAnalyticsStore store, CancellationToken ct)
    {
        if (period is not (null or "month" or "week") || periods is < 1 or > 36)
        {
            return QueryResponses.Invalid([new(period is not (null or "month" or "week") ? "period" : "periods",
                period is not (null or "month" or "week") ? $"'{period}' is not a cohort period; valid: month, week" : "must be between 1 and 36")]);
        }
        var range = window.Query(Datasets.Orders) with { From = window.From ?? window.Query(Datasets.Orders).To.AddMonths(-6) };
        var bucket = period == "week" ? TimeBucket.Week : TimeBucket.Month;
        var clock = Stopwatch.StartNew();
        var rows = await store.Families.RetentionAsync(new RetentionQuery(range.ShopId, range.From, range.To, range.TimeZone, bucket, periods ?? 6), ct);
        var zone = window.ZoneInfo;
        var current = Buckets.Truncate(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime, bucket);
        var cohorts = rows.Select(r =>
        {
            var start = DateTime.ParseExact(r.Cohort, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var elapsed = 0;
            for (var p = start; p <= current && elapsed < r.Active.Count; p = Buckets.Next(p, bucket))
            {
                elapsed++;
            }
            var active = r.Active.Take(elapsed).ToList();
            return new RetentionCohort(r.Cohort, r.Size, active, active.Select(a => r.Size == 0 ? 0 : Math.Round((decimal)a / r.Size, 4)).ToList());
        }).ToList();
        return TypedResults.Ok(new RetentionResult(WireNames.Of(bucket), cohorts, Meta(store, clock, range)));
    }

    public static async Task<IResult> Segments(
        [AsParameters] Window window,
        [Description("Days of orders before the end of the window that count (1-3650). Default 365.")] int? lookbackDays,
        IAnalyticsStore store, CancellationToken ct)
    {
        if (lookbackDays is < 1 or > 3650)
        {
            return QueryResponses.Invalid([new("lookbackDays", "must be between 1 and 3650")]);
        }
        var range = window.Query(Datasets.Orders);
        var asOf = window.To ?? DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var found = (await store.Families.SegmentsAsync(new SegmentQuery(range.ShopId, asOf, lookbackDays ?? 365), ct)).ToDictionary(s => s.Name);
        var segments = SegmentResult.Names.Select(n => found.GetValueOrDefault(n) ?? new Segment(n, 0, 0, 0, new Dictionary<string, decimal>())).ToList();
        return TypedResults.Ok(new SegmentResult(segments, Meta(store, clock, range)));
    }

    public static async Task<IResult> Search(
        [AsParameters] ShopSelection shop,
        [Description("Words to find (1-200 characters).")] string? query,
        [Description("What to search: all, orders or events. Default all.")] string? type,
        [Description("Page number, from 0 (0-1000). Default 0.")] int? page,
        [Description("Hits per page (1-100). Default 20.")] int? size,
        IAnalyticsStore store, CancellationToken ct)
    {
        var problems = new List<FieldProblem>();
        if (string.IsNullOrWhiteSpace(query) || query.Length > 200 || !Patterns.IsStorableText(query))
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
            return QueryResponses.Invalid(problems);
        }
        var clock = Stopwatch.StartNew();
        var search = new SearchQuery(shop.ShopId, query!.Trim(), target!.Value, page ?? 0, size ?? 20);
        var (total, hits) = await store.Families.SearchAsync(search, ct);
        var now = DateTimeOffset.UtcNow;
        return TypedResults.Ok(new SearchPage(search.Text, search.Page, search.Size, total, hits,
            new ResultMeta(store.Backend, Math.Round(clock.Elapsed.TotalMilliseconds, 1), false, false, now, now, "orders+events", "UTC", DateTimeOffset.MinValue, now)));
    }

    private static ResultMeta Meta(IAnalyticsStore store, Stopwatch clock, AnalyticsQuery range)
    {
        var now = DateTimeOffset.UtcNow;
        return new ResultMeta(store.Backend, Math.Round(clock.Elapsed.TotalMilliseconds, 1), false, false, now, now, range.Dataset, range.TimeZone, range.From, range.To);
    }
}
