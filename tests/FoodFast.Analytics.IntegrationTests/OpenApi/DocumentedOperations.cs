using System.Text.Json;

namespace FoodFast.Analytics.IntegrationTests.OpenApi;

/// <summary>The analytics operations of the live OpenAPI document, and the example request each one documents.</summary>
public sealed record DocumentedOperation(string Method, string Path, JsonElement Operation)
{
    /// <summary>Tags of the analytics endpoints (issue 4): every operation under them must carry worked examples.</summary>
    public static readonly HashSet<string> AnalyticsTags = ["Analytics", "Sales", "Financial", "Users", "Products", "Search", "Reports (JSON)"];

    /// <summary>Other analyst-facing tags, documented by their own areas; a new tag has to be placed in one of the two sets.</summary>
    public static readonly HashSet<string> OtherAnalystTags = ["Real-time", "Reports", "Report schedules", "Security", "Recommendations", "Saved dashboards"];

    public string Id => Operation.GetProperty("operationId").GetString()!;

    public string Tag => Operation.GetProperty("tags")[0].GetString()!;

    public IEnumerable<JsonElement> Parameters => Operation.TryGetProperty("parameters", out var list) ? list.EnumerateArray() : [];

    public override string ToString() => $"{Method.ToUpperInvariant()} {Path} ({Id})";

    public static List<DocumentedOperation> AnalystOperations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => new DocumentedOperation(op.Name, path.Name, op.Value)))
            .Where(op => op.Operation.TryGetProperty("x-required-roles", out var roles) && roles.EnumerateArray().Any(r => r.GetString() == "analyst"))
            .ToList();

    /// <summary>The documented example request: every query parameter that has an example, with its value.</summary>
    public HttpRequestMessage ExampleRequest()
    {
        var query = string.Join('&', Parameters.Where(p => p.TryGetProperty("example", out _))
            .Select(p => $"{p.GetProperty("name").GetString()}={Uri.EscapeDataString(Text(p.GetProperty("example")))}"));
        var request = new HttpRequestMessage(new HttpMethod(Method.ToUpperInvariant()), query.Length == 0 ? Path : $"{Path}?{query}");
        if (Operation.TryGetProperty("requestBody", out var body))
        {
            request.Content = new StringContent(body.GetProperty("content").GetProperty("application/json").GetProperty("example").GetRawText(),
                System.Text.Encoding.UTF8, "application/json");
        }
        return request;
    }

    public bool TryGetExample(string status, string contentType, out JsonElement example)
    {
        example = default;
        return Operation.GetProperty("responses").TryGetProperty(status, out var response)
            && response.TryGetProperty("content", out var content) && content.TryGetProperty(contentType, out var media)
            && media.TryGetProperty("example", out example);
    }

    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}
