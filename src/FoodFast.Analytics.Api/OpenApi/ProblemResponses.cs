using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace FoodFast.Analytics.Api.OpenApi;

/// <summary>
/// The problem answers an operation can give, documented as RFC 9457 <c>application/problem+json</c> with an
/// example each: 429 wherever a rate limit applies, and an example body for every 400/401/403/429 that has none.
/// </summary>
internal static class ProblemResponses
{
    private const string ProblemJson = "application/problem+json";

    private static readonly Dictionary<string, string> Examples = new()
    {
        ["400"] = """
            {"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"Invalid query","status":400,
             "detail":"interval: 'fortnight' is not an interval; valid: hour, day, week, month, quarter, year",
             "errors":{"interval":["'fortnight' is not an interval; valid: hour, day, week, month, quarter, year"]}}
            """,
        ["401"] = """
            {"type":"https://tools.ietf.org/html/rfc9110#section-15.5.2","title":"Unauthorized","status":401,
             "detail":"This endpoint needs a credential: send 'Authorization: ApiKey <key>' or 'X-Api-Key: <key>'."}
            """,
        ["403"] = """
            {"type":"https://tools.ietf.org/html/rfc9110#section-15.5.4","title":"Forbidden","status":403,
             "detail":"shopId 'shop-b' is outside this credential's shop 'shop-a'.","field":"shopId"}
            """,
        ["429"] = """
            {"type":"https://tools.ietf.org/html/rfc6585#section-4","title":"Too Many Requests","status":429,
             "detail":"This credential has used its request budget; retry after 1 s."}
            """,
    };

    public static OpenApiOptions AddProblemResponses(this OpenApiOptions options) => options
        .AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<EnableRateLimitingAttribute>().Any())
            {
                operation.Responses ??= [];
                operation.Responses.TryAdd("429", new OpenApiResponse { Description = "The caller's request budget is used up: retry after Retry-After seconds (problem details)." });
            }
            return Task.CompletedTask;
        })
        // A document transformer runs after every operation transformer, the security one (401/403) included.
        .AddDocumentTransformer((document, _, _) =>
        {
            var operations = document.Paths.Values.SelectMany(path => path.Operations?.Values.AsEnumerable() ?? []);
            foreach (var (status, answer) in operations.SelectMany(o => o.Responses?.AsEnumerable() ?? []))
            {
                if (answer is not OpenApiResponse response || !Examples.TryGetValue(status, out var example))
                {
                    continue;
                }
                response.Content ??= new Dictionary<string, OpenApiMediaType>();
                if (!response.Content.TryGetValue(ProblemJson, out var media))
                {
                    media = new OpenApiMediaType();
                    response.Content[ProblemJson] = media;
                }
                media.Example ??= JsonNode.Parse(example)!;
            }
            return Task.CompletedTask;
        });
}
