using FoodFast.Analytics.Core.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FoodFast.Analytics.Api.Errors;

/// <summary>Problem documents that name the input at fault: <c>errors</c> keyed by field, plus <c>field</c>, <c>received</c> and <c>expected</c> when one input is at fault.</summary>
public static class FieldProblems
{
    /// <summary>The title of a 400 over an analytics query (its fields are the query's).</summary>
    public const string InvalidQuery = "Invalid query";

    public static HttpValidationProblemDetails For(FieldRequestException error, string title = "Invalid request")
    {
        var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [error.Field] = [error.Message] })
        {
            Status = error.StatusCode,
            Title = title,
            Detail = $"{error.Field}: {error.Message}",
        };
        problem.Extensions["field"] = error.Field;
        if (error.Received is not null)
        {
            problem.Extensions["received"] = error.Received;
        }
        if (error.Expected is not null)
        {
            problem.Extensions["expected"] = error.Expected;
        }
        return problem;
    }

    /// <summary>
    /// The 400 of every endpoint that judges its input: <c>errors</c> keyed by field, and a <c>detail</c> listing them
    /// (<c>field: message; ...</c>) unless the caller words it.
    /// </summary>
    public static ValidationProblem Invalid(IReadOnlyList<FieldProblem> problems, string title = "Invalid request", string? detail = null) =>
        TypedResults.ValidationProblem(
            problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
            detail: detail ?? string.Join("; ", problems.Select(p => $"{p.Field}: {p.Message}")),
            title: title);

    /// <summary>One field at fault.</summary>
    public static ValidationProblem Invalid(string field, string message, string title = "Invalid request") =>
        Invalid([new FieldProblem(field, message)], title);

    /// <summary>A received value as the problem shows it: bounded, so a huge input is not echoed whole.</summary>
    public static string Shown(string value) => value.Length <= 80 ? value : value[..80] + "…";
}
