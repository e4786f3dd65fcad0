using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.Security;

/// <summary>
/// Thousands of random and malformed bodies (wrong types, huge numbers, deep nesting, invalid UTF-8, giant
/// strings, truncated JSON, odd content types) to every write operation of the OpenAPI document: the answer is
/// always 2xx or 4xx, never 5xx, and the service stays healthy. Seeded, so a failure replays.
/// </summary>
public sealed class WriteEndpointFuzzTests(UnthrottledApiFactory api) : IClassFixture<UnthrottledApiFactory>
{
    private const int Seed = 20261121;
    private const int BodiesPerOperation = 150;

    [Fact]
    public async Task Random_and_malformed_bodies_never_cause_a_server_error()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = await api.CreateAdminClientAsync();
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json", ct))!;
        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Where(op => op.Key is "post" or "put" or "patch").Select(op => (Method: op.Key.ToUpperInvariant(), Path: path.Key)))
            .Where(op => !op.Path.Contains("/flush", StringComparison.Ordinal))
            .ToList();
        Assert.True(operations.Count >= 10, $"only {operations.Count} write operations found");
        var random = new Random(Seed);
        var failures = new List<string>();

        foreach (var (method, template) in operations)
        {
            var path = System.Text.RegularExpressions.Regex.Replace(template, "{[^}]+}", "fuzz-1");
            for (var i = 0; i < BodiesPerOperation; i++)
            {
                var (content, description) = Bodies.Next(random);
                using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = content };
                using var response = await client.SendAsync(request, ct);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{method} {path} with {description}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} server errors, the first ones:\n{string.Join("\n", failures.Take(5).Select(f => f.Length > 600 ? f[..600] : f))}");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", ct)).StatusCode);
    }

    /// <summary>Bodies from valid-looking to hostile; each call picks one kind at random.</summary>
    private static class Bodies
    {
        private static readonly string ValidOrder = JsonSerializer.Serialize(Sample.Order("fuzz-shop", "o-1"), Core.Wire.WireJson.Options);
        private static readonly string ValidEvent = JsonSerializer.Serialize(Sample.Event("fuzz-shop"), Core.Wire.WireJson.Options);

        public static (HttpContent Content, string Description) Next(Random random) => random.Next(10) switch
        {
            0 => (Bytes(random, random.Next(1, 4096)), "random bytes"),
            1 => (Json(new string('[', 5000) + new string(']', 5000)), "5000-deep nesting"),
            2 => (Json("{\"shopId\":\"s\",\"total\":1e400,\"quantity\":-0,\"eventId\":99999999999999999999999999999}"), "huge numbers"),
            3 => (Json("{\"shopId\":\"" + new string('x', random.Next(100_000, 2_000_000)) + "\"}"), "giant string"),
            4 => (Json(ValidOrder[..random.Next(1, ValidOrder.Length)]), "truncated JSON"),
            5 => (Mutated(random, random.Next(2) == 0 ? ValidOrder : ValidEvent), "mutated fields"),
            6 => (Json("[" + string.Join(',', Enumerable.Range(0, random.Next(1, 50)).Select(_ => Mutated(random, ValidEvent).ReadAsStringAsync().Result)) + "]"), "array of mutated items"),
            7 => (new StringContent(ValidEvent, Encoding.UTF8, random.Next(3) switch { 0 => "text/plain", 1 => "application/xml", _ => "multipart/form-data" }), "odd content type"),
            8 => (new ByteArrayContent([0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0x7B, 0x7D]) { Headers = { ContentType = new("application/json") } }, "invalid UTF-8"),
            _ => (new StringContent(ValidEvent + "\n{nope\n" + ValidOrder, Encoding.UTF8, "application/x-ndjson"), "mixed NDJSON"),
        };

        private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

        private static ByteArrayContent Bytes(Random random, int length)
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            return new ByteArrayContent(bytes) { Headers = { ContentType = new("application/json") } };
        }

        /// <summary>A valid item with some fields replaced by values of the wrong type or absurd size.</summary>
        private static StringContent Mutated(Random random, string valid)
        {
            var node = JsonNode.Parse(valid)!.AsObject();
            foreach (var key in node.Select(p => p.Key).ToList().Where(_ => random.Next(3) == 0))
            {
                node[key] = random.Next(8) switch
                {
                    0 => null,
                    1 => JsonValue.Create(random.NextDouble() * 1e300),
                    2 => JsonValue.Create(long.MinValue),
                    3 => new JsonArray(JsonValue.Create(1), JsonValue.Create("x")),
                    4 => new JsonObject { ["nested"] = new JsonObject { ["deeper"] = 1 } },
                    5 => JsonValue.Create(true),
                    6 => JsonValue.Create("\u0000\uFFFF\uD83D"),
                    _ => JsonValue.Create(new string('9', 400)),
                };
            }
            return Json(node.ToJsonString());
        }
    }
}
