// What every ingestion endpoint answers, spelled once: 202 with the counts, 400 naming the fields of a single item,
// 400/413/415 for a body that cannot be read, 503 when the ingest log is down. The OpenAPI document reads it from here.
global using IngestAnswer = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Accepted<FoodFast.Analytics.Api.Ingestion.IngestResult>,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem,
    Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult,
    FoodFast.Analytics.Api.Errors.DependencyUnavailable>;
