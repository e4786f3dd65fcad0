using FoodFast.Analytics.Core.Validation;
using Microsoft.AspNetCore.Http.HttpResults;


namespace FoodFast.Analytics.Api.Ingestion;

/// <summary>The problem responses of the ingestion endpoints.</summary>
internal static class Problems
{
    public static ProblemHttpResult TooLarge(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large");

    public static ProblemHttpResult NotJson(string detail) =>
        TypedResults.Problem(detail + " Send a JSON object, a JSON array, or NDJSON (application/x-ndjson).",
            statusCode: StatusCodes.Status400BadRequest, title: "Unreadable body");

    public static ProblemHttpResult UnsupportedMediaType(string mediaType) =>
        TypedResults.Problem($"Content-Type '{mediaType}' is not supported; send application/json or application/x-ndjson.",
            statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");

    public static Errors.DependencyUnavailable LogUnavailable(string detail) =>
        Errors.DependencyOutageHandler.Result(Core.Observability.Dependencies.Postgres,
            $"The ingest log (postgres) is unavailable, nothing was accepted; retry after {Errors.DependencyOutageHandler.RetryAfterSeconds} s. ({detail})");
}
