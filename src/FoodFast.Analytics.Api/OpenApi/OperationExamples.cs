using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace FoodFast.Analytics.Api.OpenApi;

/// <summary>
/// Worked examples in the OpenAPI document, one file per operation: <c>OpenApi/Examples/&lt;operationId&gt;.json</c>
/// (embedded) holds <c>parameters</c> (a value per path and query parameter: together they are the example request),
/// an optional request <c>body</c>, the <c>response</c> that request gives on the contract data of the tests (under
/// the operation's success status: 200, or 201 for a create), optionally a <c>problem</c> (400) and <c>problems</c>
/// by status for the others it documents (404, 412). The tests run every example request and compare the answer's shape.
/// </summary>
internal static class OperationExamples
{
    private static readonly ConcurrentDictionary<string, JsonObject?> Files = new();

    /// <summary>The example file of an operation, or null when it has none.</summary>
    public static JsonObject? For(string operationId) => Files.GetOrAdd(operationId, id =>
    {
        using var stream = typeof(OperationExamples).Assembly.GetManifestResourceStream($"examples/{id}.json");
        return stream is null ? null : JsonNode.Parse(stream)!.AsObject();
    });

    public static OpenApiOptions AddOperationExamples(this OpenApiOptions options) =>
        options.AddOperationTransformer((operation, _, _) =>
        {
            if (operation.OperationId is not { } id || For(id) is not { } example)
            {
                return Task.CompletedTask;
            }
            foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
            {
                if (example["parameters"]?[parameter.Name!] is { } value)
                {
                    parameter.Example = value.DeepClone();
                }
            }
            if (example["body"] is { } body && operation.RequestBody?.Content?.TryGetValue("application/json", out var request) == true)
            {
                request.Example = body.DeepClone();
            }
            SetExample(operation, SuccessStatus(operation), "application/json", example["response"]);
            SetExample(operation, "400", "application/problem+json", example["problem"]);
            foreach (var (status, problem) in example["problems"]?.AsObject() ?? [])
            {
                SetExample(operation, status, "application/problem+json", problem);
            }
            return Task.CompletedTask;
        });

    /// <summary>The lowest 2xx the operation documents: 200, 201 for a create, 204 for an answer without a body.</summary>
    private static string? SuccessStatus(OpenApiOperation operation) =>
        operation.Responses?.Keys.Where(status => status.StartsWith('2')).Order(StringComparer.Ordinal).FirstOrDefault();

    private static void SetExample(OpenApiOperation operation, string? status, string contentType, JsonNode? value)
    {
        if (value is not null && status is not null && operation.Responses?.TryGetValue(status, out var response) == true && response.Content?.TryGetValue(contentType, out var media) == true)
        {
            media.Example = value.DeepClone();
        }
    }
}
