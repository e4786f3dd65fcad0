using Microsoft.AspNetCore.Http.HttpResults;

namespace FoodFast.Analytics.Api.Realtime;

internal static class RealtimeProblems
{
    /// <summary>A 400 problem naming the field, in <c>errors</c> and in <c>detail</c>.</summary>
    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: $"{field}: {message}");
}
