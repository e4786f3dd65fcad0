using System.Globalization;
using FoodFast.Analytics.Core.Ingestion.Validation;
using FoodFast.Analytics.Core.Queries;

namespace FoodFast.Analytics.Api.Queries;

/// <summary>Runs queries for endpoints and says how fresh the answer is: <c>X-Cache: hit|miss</c> and <c>Age</c>.</summary>
internal static class QueryResponses
{
    public static async Task<IResult> RunAsync(HttpContext http, QueryEngine engine, AnalyticsQuery query, CancellationToken cancellationToken)
    {
        var answer = await engine.RunAsync(query, cancellationToken);
        if (answer.Result is not { } result)
        {
            return Invalid(answer.Problems);
        }
        Describe(http, [result]);
        return TypedResults.Ok(result);
    }

    /// <summary>Runs several queries of one endpoint; the first invalid one answers for all.</summary>
    public static async Task<(IReadOnlyList<QueryResult>? Results, IResult? Problem)> RunAllAsync(HttpContext http, QueryEngine engine, IReadOnlyList<AnalyticsQuery> queries, CancellationToken cancellationToken)
    {
        var answers = await Task.WhenAll(queries.Select(q => engine.RunAsync(q, cancellationToken)));
        if (answers.FirstOrDefault(a => a.Result is null) is { } invalid)
        {
            return (null, Invalid(invalid.Problems));
        }
        var results = answers.Select(a => a.Result!).ToList();
        Describe(http, results);
        return (results, null);
    }

    public static IResult Invalid(IReadOnlyList<FieldProblem> problems, string title = "Invalid query") =>
        TypedResults.ValidationProblem(
            problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
            detail: string.Join("; ", problems.Select(p => $"{p.Field}: {p.Message}")),
            title: title);

    private static void Describe(HttpContext http, IReadOnlyList<QueryResult> results)
    {
        http.Response.Headers["X-Cache"] = results.All(r => r.Meta.Cached) ? "hit" : "miss";
        var oldest = results.Min(r => r.Meta.ComputedAt);
        var age = Math.Max(0, (long)(DateTimeOffset.UtcNow - oldest).TotalSeconds);
        http.Response.Headers.Age = age.ToString(CultureInfo.InvariantCulture);
    }
}
