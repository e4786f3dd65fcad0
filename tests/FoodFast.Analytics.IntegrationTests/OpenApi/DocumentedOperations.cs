using System.Text.Json;

namespace FoodFast.Analytics.IntegrationTests.OpenApi;

/// <summary>The analyst operations of the live OpenAPI document, and the example request each one documents.</summary>
public sealed record DocumentedOperation(string Method, string Path, JsonElement Operation)
{
    /// <summary>Tags whose every operation must carry worked examples: the analytics endpoints (issue 4), recommendations and saved dashboards.</summary>
    public static readonly HashSet<string> ExampledTags =
        ["Analytics", "Sales", "Financial", "Users", "Products", "Search", "Reports (JSON)", "Recommendations", "Saved dashboards"];

    /// <summary>Other analyst-facing tags, documented by their own areas; a new tag has to be placed in one of the two sets.</summary>
    public static readonly HashSet<string> ExemptTags = ["Real-time", "Reports", "Report schedules", "Security"];

    public string Id => Operation.GetProperty("operationId").GetString()!;

    public string Tag => Operation.GetProperty("tags")[0].GetString()!;

    public IEnumerable<JsonElement> Parameters => Operation.TryGetProperty("parameters", out var list) ? list.EnumerateArray() : [];

    /// <summary>The lowest 2xx it documents: 200, 201 for a create, 204 for an answer without a body.</summary>
    public string? SuccessStatus => Operation.GetProperty("responses").EnumerateObject().Select(r => r.Name)
        .Where(status => status.StartsWith('2')).Order(StringComparer.Ordinal).FirstOrDefault();

    /// <summary>Query parameters or a body: input that can be invalid (a route value that does not match answers 404).</summary>
    public bool TakesInput => Parameters.Any(p => In(p) == "query") || Operation.TryGetProperty("requestBody", out _);

    public override string ToString() => $"{Method.ToUpperInvariant()} {Path} ({Id})";

    public static List<DocumentedOperation> AnalystOperations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => new DocumentedOperation(op.Name, path.Name, op.Value)))
            .Where(op => op.Operation.TryGetProperty("x-required-roles", out var roles) && roles.EnumerateArray().Any(r => r.GetString() == "analyst"))
            .ToList();

    /// <summary>The documented example request: every path and query parameter that has an example, with its value.</summary>
    public HttpRequestMessage ExampleRequest()
    {
        var examples = Parameters.Where(p => p.TryGetProperty("example", out _)).ToList();
        var path = examples.Where(p => In(p) == "path")
            .Aggregate(Path, (url, p) => url.Replace($"{{{Name(p)}}}", Uri.EscapeDataString(Text(p.GetProperty("example"))), StringComparison.Ordinal));
        var query = string.Join('&', examples.Where(p => In(p) == "query")
            .Select(p => $"{Name(p)}={Uri.EscapeDataString(Text(p.GetProperty("example")))}"));
        var request = new HttpRequestMessage(new HttpMethod(Method.ToUpperInvariant()), query.Length == 0 ? path : $"{path}?{query}");
        if (Operation.TryGetProperty("requestBody", out var body))
        {
            request.Content = new StringContent(body.GetProperty("content").GetProperty("application/json").GetProperty("example").GetRawText(),
                System.Text.Encoding.UTF8, "application/json");
        }
        return request;
    }

    /// <summary>Every 4xx and 5xx the operation documents.</summary>
    public IEnumerable<string> ProblemStatuses => Operation.GetProperty("responses").EnumerateObject()
        .Select(r => r.Name).Where(status => status.StartsWith('4') || status.StartsWith('5'));

    public bool TryGetExample(string status, string contentType, out JsonElement example)
    {
        example = default;
        return Operation.GetProperty("responses").TryGetProperty(status, out var response)
            && response.TryGetProperty("content", out var content) && content.TryGetProperty(contentType, out var media)
            && media.TryGetProperty("example", out example);
    }

    public static string Name(JsonElement parameter) => parameter.GetProperty("name").GetString()!;

    public static string In(JsonElement parameter) => parameter.GetProperty("in").GetString()!;

    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}
