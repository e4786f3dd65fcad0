using System.Buffers;
using System.Globalization;
using System.Text.Json;
using FoodFast.Analytics.Api.Errors;
using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FoodFast.Analytics.Api.Queries;

/// <summary>Runs queries for endpoints and says how fresh the answer is: <c>X-Cache: hit|miss</c> and <c>Age</c>.</summary>
internal static class QueryResponses
{
    /// <summary>One query's result, sent as the cache holds it (a hit is never parsed).</summary>
    public static Task<Results<CachedJson<QueryResult>, ValidationProblem>> RunAsync(HttpContext http, QueryEngine engine, AnalyticsQuery query, CancellationToken cancellationToken) =>
        SendAsync<QueryResult>(http, engine.RunJsonAsync([query], cancellationToken));

    /// <summary>The first answer's JSON as it is (cached or fresh), with <c>X-Cache</c> and <c>Age</c>; or the 400 of its problems.</summary>
    public static async Task<Results<CachedJson<T>, ValidationProblem>> SendAsync<T>(HttpContext http, Task<JsonAnswers> pending)
    {
        var answers = await pending;
        if (answers.Results is not { } results)
        {
            return FieldProblems.Invalid(answers.Problems, FieldProblems.InvalidQuery);
        }
        Describe(http, results.Select(r => (r.Cached, r.ComputedAt)));
        return new CachedJson<T>(results[0].Json);
    }

    /// <summary>
    /// Several queries of one endpoint as one JSON object, each result under its name (camelCased), sent as the cache
    /// holds them; their cache entries are read in one round trip. The first invalid query answers for all.
    /// </summary>
    public static async Task<Results<CachedJson<T>, ValidationProblem>> RunObjectAsync<T>(HttpContext http, QueryEngine engine, IReadOnlyList<(string Name, AnalyticsQuery Query)> parts, CancellationToken cancellationToken)
    {
        var answers = await engine.RunJsonAsync(parts.Select(p => p.Query).ToList(), cancellationToken);
        if (answers.Results is not { } results)
        {
            return FieldProblems.Invalid(answers.Problems, FieldProblems.InvalidQuery);
        }
        Describe(http, results.Select(r => (r.Cached, r.ComputedAt)));
        var body = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(body))
        {
            writer.WriteStartObject();
            for (var i = 0; i < parts.Count; i++)
            {
                writer.WritePropertyName(JsonNamingPolicy.CamelCase.ConvertName(parts[i].Name));
                writer.WriteRawValue(results[i].Json.Span, skipInputValidation: true);
            }
            writer.WriteEndObject();
        }
        return new CachedJson<T>(body.WrittenMemory);
    }

    /// <summary>Runs several queries of one endpoint; the first invalid one answers for all.</summary>
    public static async Task<(IReadOnlyList<QueryResult>? Results, ValidationProblem? Problem)> RunAllAsync(HttpContext http, QueryEngine engine, IReadOnlyList<AnalyticsQuery> queries, CancellationToken cancellationToken)
    {
        var (results, _, problem) = await RunAllAsync<object>(http, engine, queries, null, cancellationToken);
        return (results, problem);
    }

    /// <summary>
    /// Several queries and one family answer (<see cref="Core.Queries.Families.FamilyEngine"/>) of one endpoint, read as
    /// typed results; <c>X-Cache</c> says hit only when every one of them came from the cache.
    /// </summary>
    public static async Task<(IReadOnlyList<QueryResult>? Results, T? Family, ValidationProblem? Problem)> RunAllAsync<T>(HttpContext http, QueryEngine engine,
        IReadOnlyList<AnalyticsQuery> queries, Task<JsonAnswers>? family, CancellationToken cancellationToken) where T : class
    {
        var answers = await Task.WhenAll(queries.Select(q => engine.RunAsync(q, cancellationToken)));
        var familyAnswers = family is null ? null : await family;
        if (answers.FirstOrDefault(a => a.Result is null) is { } invalid)
        {
            return (null, null, FieldProblems.Invalid(invalid.Problems, FieldProblems.InvalidQuery));
        }
        if (familyAnswers is { Results: null })
        {
            return (null, null, FieldProblems.Invalid(familyAnswers.Problems, FieldProblems.InvalidQuery));
        }
        var results = answers.Select(a => a.Result!).ToList();
        var freshness = results.Select(r => (r.Meta.Cached, r.Meta.ComputedAt)).ToList();
        T? parsed = null;
        if (familyAnswers?.Results is [var answer, ..])
        {
            parsed = JsonSerializer.Deserialize<T>(answer.Json.Span, Core.Wire.WireJson.Options);
            freshness.Add((answer.Cached, answer.ComputedAt));
        }
        Describe(http, freshness);
        return (results, parsed, null);
    }

    private static void Describe(HttpContext http, IEnumerable<(bool Cached, DateTimeOffset ComputedAt)> results)
    {
        var all = results.ToList();
        http.Response.Headers["X-Cache"] = all.All(r => r.Cached) ? "hit" : "miss";
        var oldest = all.Min(r => r.ComputedAt);
        var age = Math.Max(0, (long)(http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow() - oldest).TotalSeconds);
        http.Response.Headers.Age = age.ToString(CultureInfo.InvariantCulture);
    }
}
