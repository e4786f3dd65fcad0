using System.ComponentModel;
using System.Globalization;
using FoodFast.Analytics.Api.Errors;
using FoodFast.Analytics.Core.Queries.Compositions;
using FoodFast.Analytics.Core.Queries;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace FoodFast.Analytics.Api.Queries;

/// <summary>
/// Sales reports as JSON for a day, an ISO week or a month (in the shop's time zone): revenue, orders, items,
/// AOV, the top 10 products and the breakdown (hours of the day, days of the week, weeks of the month).
/// </summary>
internal static class SalesReportsApi
{
    public static void MapSalesReportsApi(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/reports").WithTags("Reports (JSON)");
        reports.MapGet("/daily-sales", Daily).WithName("GetDailySalesReport")
            .WithSummary("date=YYYY-MM-DD (default today): totals, top 10 products, hourly breakdown.");
        reports.MapGet("/weekly-sales", Weekly).WithName("GetWeeklySalesReport")
            .WithSummary("startDate=YYYY-MM-DD (its ISO week; default this week): totals, top 10 products, daily breakdown.");
        reports.MapGet("/monthly-sales", Monthly).WithName("GetMonthlySalesReport")
            .WithSummary("year=&month= (default this month): totals, top 10 products, weekly breakdown.");
        reports.MapGet("/sales", Range).WithName("GetSalesReport")
            .WithSummary("start_date=&end_date= (inclusive dates): totals, top 10 products, daily breakdown.");
        reports.MapGet("/metrics", Metrics).WithName("GetMetricsReport")
            .WithSummary("days=30: the KPIs with their change against the previous period.");
        reports.MapGet("/trends", Trends).WithName("GetTrendsReport")
            .WithSummary("days=30: daily revenue and orders, with the previous period's values.");
        reports.MapGet("/user-behavior", UserBehavior).WithName("GetUserBehaviorReport")
            .WithSummary("start_date=&end_date=: events, users and sessions per event type, and the conversion rate.");
    }

    public static Task<Results<Ok<SalesReport>, ValidationProblem>> Daily(
        [AsParameters] Window window,
        [Description("The local day (YYYY-MM-DD). Default today in tz.")] string? date,
        HttpContext http, QueryEngine engine, CancellationToken ct) =>
        Report(window, date, d => d, d => d.AddDays(1), TimeBucket.Hour, "day", http, engine, ct);

    public static Task<Results<Ok<SalesReport>, ValidationProblem>> Weekly(
        [AsParameters] Window window,
        [Description("A day (YYYY-MM-DD) of the ISO week to report. Default this week.")] string? startDate,
        HttpContext http, QueryEngine engine, CancellationToken ct) =>
        Report(window, startDate, d => Buckets.Truncate(d, TimeBucket.Week), d => d.AddDays(7), TimeBucket.Day, "week", http, engine, ct);

    public static Task<Results<Ok<SalesReport>, ValidationProblem>> Monthly(
        [AsParameters] Window window,
        [Description("Year of the month to report (2000-2100). Default this year.")] int? year,
        [Description("Month to report (1-12).")] int? month,
        HttpContext http, QueryEngine engine, CancellationToken ct)
    {
        if (year is < 2000 or > 2100 || month is < 1 or > 12)
        {
            return Task.FromResult<Results<Ok<SalesReport>, ValidationProblem>>(FieldProblems.Invalid([new(month is < 1 or > 12 ? "month" : "year", month is < 1 or > 12 ? "must be 1 to 12" : "must be 2000 to 2100")], FieldProblems.InvalidQuery));
        }
        var date = year is null && month is null ? null : $"{year ?? window.Clock.GetUtcNow().Year:D4}-{month ?? 1:D2}-01";
        return Report(window, date, d => new DateTime(d.Year, d.Month, 1), d => d.AddMonths(1), TimeBucket.Week, "month", http, engine, ct);
    }

    public static Task<Results<Ok<SalesReport>, ValidationProblem>> Range(
        [AsParameters] Window window,
        [FromQuery(Name = "start_date"), Description("First local day (YYYY-MM-DD), inclusive.")] string? startDate,
        [FromQuery(Name = "end_date"), Description("Last local day (YYYY-MM-DD), inclusive.")] string? endDate,
        HttpContext http, QueryEngine engine, CancellationToken ct)
    {
        if (!TryDate(startDate, out var start) || !TryDate(endDate, out var end) || end < start)
        {
            return Task.FromResult<Results<Ok<SalesReport>, ValidationProblem>>(FieldProblems.Invalid([new(!TryDate(startDate, out _) ? "start_date" : "end_date", "must be a date YYYY-MM-DD, end_date not before start_date")], FieldProblems.InvalidQuery));
        }
        var days = end!.Value.DayNumber - start!.Value.DayNumber + 1;
        return Report(window, startDate, d => d, d => d.AddDays(days), TimeBucket.Day, "range", http, engine, ct);
    }

    public static Task<Results<CachedJson<QueryResult>, ValidationProblem>> Metrics([AsParameters] Window window, HttpContext http, QueryEngine engine, CancellationToken ct) =>
        QueryResponses.RunAsync(http, engine, window.Query(Datasets.Orders, "revenue", "order_count", "aov", "units", "distinct_customers", "net_revenue") with { Compare = ComparisonPeriod.PreviousPeriod }, ct);

    public static Task<Results<CachedJson<QueryResult>, ValidationProblem>> Trends([AsParameters] Window window, HttpContext http, QueryEngine engine, CancellationToken ct) =>
        QueryResponses.RunAsync(http, engine, window.Query(Datasets.Orders, "revenue", "order_count") with { Bucket = TimeBucket.Day, Compare = ComparisonPeriod.PreviousPeriod }, ct);

    public static async Task<Results<Ok<UserBehaviorReport>, ValidationProblem>> UserBehavior(
        [AsParameters] Window window,
        [FromQuery(Name = "start_date"), Description("First local day (YYYY-MM-DD), inclusive.")] string? startDate,
        [FromQuery(Name = "end_date"), Description("Last local day (YYYY-MM-DD), inclusive.")] string? endDate,
        HttpContext http, QueryEngine engine, CancellationToken ct)
    {
        var scoped = window;
        if (startDate is not null || endDate is not null)
        {
            if (!TryDate(startDate, out var start) || !TryDate(endDate, out var end) || end < start)
            {
                return FieldProblems.Invalid([new(!TryDate(startDate, out _) ? "start_date" : "end_date", "must be a date YYYY-MM-DD, end_date not before start_date")], FieldProblems.InvalidQuery);
            }
            var zone = Zone(window);
            scoped = window with { From = At(start!.Value.ToDateTime(TimeOnly.MinValue), zone), To = At(end!.Value.ToDateTime(TimeOnly.MinValue).AddDays(1), zone) };
        }
        var (results, problem) = await QueryResponses.RunAllAsync(http, engine,
        [
            scoped.Query(Datasets.Events, "event_count", "unique_users", "unique_sessions") with { GroupBy = ["event_type"] },
            scoped.Query(Datasets.Events, "unique_users", "unique_sessions", "conversion_rate"),
        ], ct);
        return problem is null ? TypedResults.Ok(new UserBehaviorReport(results![0], results[1])) : problem;
    }

    private static async Task<Results<Ok<SalesReport>, ValidationProblem>> Report(Window window, string? date, Func<DateTime, DateTime> start, Func<DateTime, DateTime> end, TimeBucket breakdown,
        string period, HttpContext http, QueryEngine engine, CancellationToken ct)
    {
        var zone = Zone(window);
        DateTime day;
        if (date is null)
        {
            day = TimeZoneInfo.ConvertTime(window.Clock.GetUtcNow(), zone).Date;
        }
        else if (TryDate(date, out var parsed))
        {
            day = parsed!.Value.ToDateTime(TimeOnly.MinValue);
        }
        else
        {
            return FieldProblems.Invalid([new(period == "week" ? "startDate" : "date", $"'{date}' is not a date YYYY-MM-DD")], FieldProblems.InvalidQuery);
        }
        var (from, to) = (start(day), end(start(day)));
        var scoped = window with { From = At(from, zone), To = At(to, zone) };
        var (results, problem) = await QueryResponses.RunAllAsync(http, engine, SalesReportQueries.Queries(scoped.Query(Datasets.Orders), breakdown), ct);
        return problem is null ? TypedResults.Ok(new SalesReport(period, DateOnly.FromDateTime(from), DateOnly.FromDateTime(to.AddDays(-1)), zone.Id, results![0], results[1], results[2])) : problem;
    }

    private static TimeZoneInfo Zone(Window window) => window.ZoneInfo;

    private static DateTimeOffset At(DateTime local, TimeZoneInfo zone) => new(local, zone.GetUtcOffset(local));

    private static bool TryDate(string? text, out DateOnly? date)
    {
        date = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        return date is not null;
    }
}

public sealed record UserBehaviorReport(QueryResult ByEventType, QueryResult Totals);
