using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.BadInput;

/// <summary>
/// Issue 21's generated walk: every operation of the OpenAPI document, every query and path parameter and every field
/// of every request body, sent wrong-typed, null, overlong, with a NUL, and as text that is not Unicode. The answer is
/// never a 5xx; every 4xx is a problem document; and a 400, 413 or 422 names the field that was spoiled (its JSON path
/// in a body). Ingestion batches may accept the request and reject the item: the rejection must name the field too.
/// </summary>
public sealed class GeneratedBadInputTests(UnthrottledApiFactory api) : IClassFixture<UnthrottledApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Shop = "gen-shop";

    /// <summary>Statuses that are about an input, so the answer must say which.</summary>
    private static readonly HashSet<int> InputStatuses = [400, 413, 422];

    /// <summary>A valid body for each operation that takes one; an operation added without one fails the body walk.</summary>
    private static readonly Dictionary<string, string> BodyBaselines = new()
    {
        ["IngestOrder"] = Json(Sample.Order(Shop, "gen-1")),
        ["IngestOrders"] = Json(Sample.Order(Shop, "gen-2")),
        ["IndexOrders"] = Json(Sample.Order(Shop, "gen-3")),
        ["IngestEvent"] = Json(Sample.Event(Shop)),
        ["IngestEvents"] = Json(Sample.Event(Shop)),
        ["TrackEvents"] = Json(Sample.Event(Shop)),
        ["IndexUserActivity"] = Json(Sample.Event(Shop)),
        ["CollectEvent"] = """{"shop_id":"gen-shop","category":"product","event_type":"product_view","user_id":"u-1","session_id":"s-1","data":{"product_id":"p-1","price":"2.50"}}""",
        ["ChangeOrderStatus"] = $$"""{"shopId":"gen-shop","status":"shipped","updatedAt":"{{Sample.Now:O}}"}""",
        ["CreateReport"] = """{"kind":"sales_summary","format":"csv","shopId":"gen-shop","parameters":{"days":7,"timeZone":"Europe/Berlin"}}""",
        ["GenerateReport"] = """{"kind":"sales_summary","format":"csv","shopId":"gen-shop","parameters":{"days":7,"timeZone":"Europe/Berlin"}}""",
        ["CreateReportSchedule"] = """{"name":"weekly","kind":"sales_summary","format":"csv","shopId":"gen-shop","cron":"0 0 6 * * ?","timeZone":"UTC","parameters":{"days":7},"enabled":false}""",
        ["UpdateReportSchedule"] = """{"name":"weekly","kind":"sales_summary","format":"csv","cron":"0 0 6 * * ?","timeZone":"UTC","parameters":{"days":7},"enabled":false}""",
        ["ReplayDeadLetters"] = """{"shopId":"gen-shop","ids":[1]}""",
        ["CreateApiKey"] = """{"name":"generated","roles":["analyst"],"shopId":"gen-shop"}""",
    };

    /// <summary>Operations whose body is a batch: the baseline is one item, sent in an array; problems name fields within the item.</summary>
    private static readonly HashSet<string> Batches = ["IngestOrders", "IndexOrders", "IngestEvents", "TrackEvents", "IndexUserActivity", "CollectEvent"];

    /// <summary>Path values for parameters without an example whose plain placeholder would be refused first, masking the spoiled input.</summary>
    private static readonly Dictionary<string, string> PathBaselines = new() { ["what"] = "orders" };

    /// <summary>
    /// The WebSocket endpoint refuses any request that is not an upgrade (naming <c>upgrade</c>) before reading its query; its
    /// parameters are those of the Server-Sent Events endpoint (one StreamRequest), walked there.
    /// </summary>
    private static readonly HashSet<string> QueryWalkedElsewhere = ["StreamWebSocket"];

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, Core.Wire.WireJson.Options);

    /// <summary>The spoiled values of a parameter, as they go into a URL (already escaped).</summary>
    private static readonly (string Kind, string Escaped)[] ParameterValues =
    [
        ("wrong type", "not-a-value"),
        ("empty", ""),
        ("overlong", new string('9', 5000)),
        ("NUL", "a%00b"),
        ("not UTF-8", "%FF%FEx"),
    ];

    private async Task<(HttpClient Client, List<(string Method, string Path, JsonElement Operation)> Operations)> WalkAsync()
    {
        var client = await api.CreateAdminClientAsync();
        var document = await (await client.GetAsync("/openapi/v1.json", Ct)).ReadJsonAsync();
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Method: op.Name.ToUpperInvariant(), Path: path.Name, Operation: op.Value)))
            .ToList();
        Assert.True(operations.Count >= 85, $"only {operations.Count} operations in the document");
        return (client, operations);
    }

    private static IEnumerable<JsonElement> Parameters(JsonElement operation, string location) =>
        operation.TryGetProperty("parameters", out var list) ? list.EnumerateArray().Where(p => p.GetProperty("in").GetString() == location) : [];

    /// <summary>The documented example of a parameter, else the test shop for shopId (admins must name one where data is per shop).</summary>
    private static string Example(JsonElement parameter) =>
        parameter.TryGetProperty("example", out var example) ? Uri.EscapeDataString(example.ValueKind == JsonValueKind.String ? example.GetString()! : example.GetRawText())
        : parameter.GetProperty("name").GetString() == "shopId" ? Shop : "";

    /// <summary>Every query parameter with a baseline value, except <paramref name="spoiled"/>.</summary>
    private static string Others(JsonElement operation, string? spoiled = null) =>
        string.Join("", Parameters(operation, "query").Where(p => p.GetProperty("name").GetString() != spoiled && Example(p).Length > 0)
            .Select(p => $"&{p.GetProperty("name").GetString()}={Example(p)}"));

    /// <summary>The operation's path with every path parameter set to its example (or a plain id), one of them replaced when asked.</summary>
    private static string Path(string template, JsonElement operation, string? spoiled = null, string? value = null) =>
        Parameters(operation, "path").Aggregate(template, (path, p) =>
        {
            var name = p.GetProperty("name").GetString()!;
            return path.Replace($"{{{name}}}", name == spoiled ? value : Example(p) is { Length: > 0 } e ? e : PathBaselines.GetValueOrDefault(name, "gen-1"), StringComparison.Ordinal);
        });

    [Fact]
    public async Task Every_query_parameter_spoiled_is_refused_naming_it_or_accepted()
    {
        var (client, operations) = await WalkAsync();
        var failures = new List<string>();
        var sent = 0;

        foreach (var (method, template, operation) in operations.Where(o => !QueryWalkedElsewhere.Contains(o.Operation.GetProperty("operationId").GetString()!)))
        {
            var query = Parameters(operation, "query").ToList();
            foreach (var parameter in query)
            {
                var name = parameter.GetProperty("name").GetString()!;
                var others = Others(operation, name);
                foreach (var (kind, value) in ParameterValues)
                {
                    var url = $"{Path(template, operation)}?{name}={value}{others}";
                    failures.AddRange(await SendAsync(client, new HttpRequestMessage(new HttpMethod(method), url), name, $"{method} {template} ?{name} {kind}"));
                    sent++;
                }
            }
        }

        Assert.True(sent > 500, $"only {sent} requests sent");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} answers fail:\n{string.Join("\n", failures.Take(40))}");
    }

    [Fact]
    public async Task Every_path_parameter_spoiled_is_a_problem_never_a_server_error()
    {
        var (client, operations) = await WalkAsync();
        var failures = new List<string>();
        var sent = 0;

        foreach (var (method, template, operation) in operations)
        {
            foreach (var parameter in Parameters(operation, "path"))
            {
                var name = parameter.GetProperty("name").GetString()!;
                // An empty segment is another route, and a NUL never reaches the application: the server refuses the request line.
                foreach (var (kind, value) in ParameterValues.Where(v => v.Kind is not ("empty" or "NUL")))
                {
                    var request = new HttpRequestMessage(new HttpMethod(method), $"{Path(template, operation, name, value)}?{Others(operation)}");
                    if (BodyBaselines.TryGetValue(operation.GetProperty("operationId").GetString()!, out var body))
                    {
                        request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                    }
                    failures.AddRange(await SendAsync(client, request, name, $"{method} {template} {{{name}}} {kind}"));
                    sent++;
                }
            }
        }

        Assert.True(sent > 50, $"only {sent} requests sent");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} answers fail:\n{string.Join("\n", failures.Take(40))}");
    }

    [Fact]
    public async Task Every_body_field_spoiled_is_refused_naming_its_json_path_or_accepted()
    {
        var (client, operations) = await WalkAsync();
        var failures = new List<string>();
        var sent = 0;

        foreach (var (method, template, operation) in operations.Where(o => o.Operation.TryGetProperty("requestBody", out _) || BodyBaselines.ContainsKey(o.Operation.GetProperty("operationId").GetString()!)))
        {
            var id = operation.GetProperty("operationId").GetString()!;
            var baseline = BodyBaselines.TryGetValue(id, out var known) ? known
                : operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").TryGetProperty("example", out var example) ? example.GetRawText()
                : null;
            if (baseline is null)
            {
                failures.Add($"{method} {template} ({id}): no baseline body: add one to BodyBaselines");
                continue;
            }
            foreach (var (field, kind, body) in Spoiled(JsonNode.Parse(baseline)!))
            {
                var text = Batches.Contains(id) ? $"[{body}]" : body;
                var request = new HttpRequestMessage(new HttpMethod(method), $"{Path(template, operation)}?{Others(operation)}")
                {
                    Content = new ByteArrayContent(NotUtf8(text)) { Headers = { ContentType = new("application/json") } },
                };
                // A null is the same as an absent field: the answer may then name another field (a total that no longer adds up).
                failures.AddRange(await SendAsync(client, request, kind == "null" ? null : field, $"{method} {template} body {field} {kind}"));
                sent++;
            }
        }

        Assert.True(sent > 300, $"only {sent} requests sent");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} answers fail:\n{string.Join("\n", failures.Take(40))}");
    }

    /// <summary>
    /// Each node of the body (objects, arrays' first item, values) in turn: wrong-typed, null, overlong, with a NUL, a lone
    /// surrogate, and a raw byte that is not UTF-8 (written as the marker '¤' and swapped for 0xFF when sent).
    /// </summary>
    private static IEnumerable<(string Field, string Kind, string Body)> Spoiled(JsonNode root)
    {
        foreach (var (path, node) in Nodes(root, ""))
        {
            var wrong = node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? JsonValue.Create(12345) : (JsonNode?)JsonValue.Create("not-a-value");
            foreach (var (kind, replacement) in new (string, JsonNode?)[]
            {
                ("wrong type", wrong), ("null", null), ("overlong", JsonValue.Create(new string('x', 10_000))),
                ("NUL", JsonValue.Create("a\0b")), ("lone surrogate", JsonValue.Create("SURROGATE")), ("not UTF-8", JsonValue.Create("a\u00a4b")),
            })
            {
                var copy = root.DeepClone();
                Replace(copy, path, replacement);
                var text = copy.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
                    .Replace("SURROGATE", "a\\ud800b", StringComparison.Ordinal);
                yield return (path, kind, text);
            }
        }
    }

    /// <summary>The UTF-8 bytes of <paramref name="text"/>, with each marker '¤' (C2 A4) turned into the lone byte FF.</summary>
    private static byte[] NotUtf8(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text).ToList();
        for (var i = bytes.Count - 2; i >= 0; i--)
        {
            if (bytes[i] == 0xC2 && bytes[i + 1] == 0xA4)
            {
                bytes.RemoveAt(i + 1);
                bytes[i] = 0xFF;
            }
        }
        return [.. bytes];
    }

    private static IEnumerable<(string Path, JsonNode Node)> Nodes(JsonNode node, string path)
    {
        var children = node switch
        {
            JsonObject o => o.Where(p => p.Value is not null).Select(p => (Path: path.Length == 0 ? p.Key : $"{path}.{p.Key}", Node: p.Value!)).ToList(),
            JsonArray { Count: > 0 } a when a[0] is not null => [($"{path}[0]", a[0]!)],
            _ => [],
        };
        foreach (var (childPath, child) in children)
        {
            yield return (childPath, child);
            foreach (var nested in Nodes(child, childPath))
            {
                yield return nested;
            }
        }
    }

    private static void Replace(JsonNode root, string path, JsonNode? replacement)
    {
        var segments = System.Text.RegularExpressions.Regex.Matches(path, @"[^.\[\]]+|\[\d+\]").Select(m => m.Value).ToList();
        var parent = root;
        foreach (var segment in segments[..^1])
        {
            parent = segment.StartsWith('[') ? parent[int.Parse(segment.Trim('[', ']'), System.Globalization.CultureInfo.InvariantCulture)]! : parent[segment]!;
        }
        var last = segments[^1];
        if (last.StartsWith('['))
        {
            parent.AsArray()[int.Parse(last.Trim('[', ']'), System.Globalization.CultureInfo.InvariantCulture)] = replacement;
        }
        else
        {
            parent.AsObject()[last] = replacement;
        }
    }

    /// <summary>Sends one request; returns what is wrong with the answer (nothing when it is right).</summary>
    private static async Task<IEnumerable<string>> SendAsync(HttpClient client, HttpRequestMessage request, string? field, string what)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        using var sent = request;
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        var status = (int)response.StatusCode;
        if (response.Content.Headers.ContentType?.MediaType == "text/event-stream")
        {
            return [];
        }
        var body = await response.Content.ReadAsStringAsync(timeout.Token);
        string Shown() => $"{what}: {status} {(body.Length > 300 ? body[..300] : body)}";
        if (status >= 500)
        {
            return [Shown()];
        }
        if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return [$"not a problem document: {Shown()}"];
        }
        var named = Named(body);
        if (InputStatuses.Contains(status) && !named.Any(n => field is null || Names(n, field)))
        {
            return [$"does not name '{field}': {Shown()}"];
        }
        if (status == 202 && field is not null && named.Count > 0 && !named.Any(n => Names(n, field)))
        {
            return [$"rejects the item without naming '{field}': {Shown()}"];
        }
        return [];
    }

    /// <summary>Every field a problem document or an ingestion answer names.</summary>
    private static List<string> Named(string body)
    {
        if (string.IsNullOrEmpty(body) || body[0] != '{')
        {
            return [];
        }
        var json = JsonDocument.Parse(body).RootElement;
        var names = new List<string>();
        if (json.TryGetProperty("field", out var field))
        {
            names.Add(field.GetString()!);
        }
        if (json.TryGetProperty("errors", out var errors))
        {
            names.AddRange(errors.ValueKind == JsonValueKind.Object
                ? errors.EnumerateObject().Select(e => e.Name)
                : errors.EnumerateArray().SelectMany(item => item.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("field").GetString()!)));
        }
        return names;
    }

    /// <summary>A name covers the spoiled field when it is the field, lies within it, or is the object or list holding it.</summary>
    private static bool Names(string name, string field) =>
        string.Equals(name, field, StringComparison.OrdinalIgnoreCase)
        || name.StartsWith(field + ".", StringComparison.OrdinalIgnoreCase) || name.StartsWith(field + "[", StringComparison.OrdinalIgnoreCase)
        || field.StartsWith(name + ".", StringComparison.OrdinalIgnoreCase) || field.StartsWith(name + "[", StringComparison.OrdinalIgnoreCase);
}
