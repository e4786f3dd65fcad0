using System.Text.Json;
using System.Text.Json.Nodes;
using FoodFast.Analytics.Promotions;
using FoodFast.Analytics.Promotions.Rules;
using FoodFast.Analytics.Promotions.Wording;
using FoodFast.Analytics.UnitTests.Elasticsearch.Support;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.UnitTests.Promotions;

/// <summary>AI wording against a fake OpenAI-compatible listener: phrasing used, one call per shop per period, timeout and no key fall back to templates.</summary>
public sealed class PromotionWordingTests
{
    private const string Key = "sk-test-secret";
    private static readonly DateTimeOffset Start = new(2026, 7, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly IReadOnlyList<PromotionSuggestion> Hot =
    [
        new("hot-day", ["beverages", "ice_cream"], [], "31°C in Berlin: put cold drinks up front.", ["temperature 31°C is at least 25°C"]),
        new("trend", ["ice_cream"], [], "ice_cream is selling.", ["ice_cream sold 6 units"]),
    ];

    private static string Completion(string content) => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-1", @object = "chat.completion", created = 1782907200, model = "gpt-4o-mini",
        choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
        usage = new { prompt_tokens = 120, completion_tokens = 40, total_tokens = 160 },
    });

    private const string Lines = """{"lines":[{"ruleId":"hot-day","text":"Scorching in Berlin! Grab an ice-cold drink."},{"ruleId":"trend","text":"Ice cream is flying off the shelves."}]}""";

    private static (PromotionWording Wording, ManualTime Time, CapturingLogger Log) Wording(ScriptedNode node, double timeoutSeconds = 5)
    {
        var time = new ManualTime(Start);
        var log = new CapturingLogger();
        var options = Options.Create(new PromotionOptions { Ai = { ApiKey = Key, BaseUrl = node.Url + "v1", Model = "gpt-4o-mini", TimeoutSeconds = timeoutSeconds, CacheMinutes = 60 } });
        return (new PromotionWording(options, time, new OpenAiChatModel(new HttpClient(), options, log)), time, log);
    }

    [Fact]
    public async Task The_models_phrasing_is_used_and_the_request_carries_only_the_facts()
    {
        using var node = ScriptedNode.Playing(new ScriptedResponse(200, Completion(Lines)));
        var (wording, _, _) = Wording(node);

        var words = await wording.WordAsync("shop-a", Hot, TestContext.Current.CancellationToken);

        Assert.Equal(("ai", (string?)null), (words.Source, words.Note));
        Assert.Equal(["Scorching in Berlin! Grab an ice-cold drink.", "Ice cream is flying off the shelves."], words.Texts);
        var request = Assert.Single(node.Requests);
        Assert.Equal(("POST", "/v1/chat/completions", $"Bearer {Key}"), (request.Method, request.PathAndQuery, request.Headers["Authorization"]));
        Assert.Equal(request.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), request.Headers["Content-Length"]);
        var body = JsonNode.Parse(request.BodyText)!;
        Assert.Equal(("gpt-4o-mini", "json_object", OpenAiChatModel.Instructions), ((string?)body["model"], (string?)body["response_format"]!["type"], (string?)body["messages"]![0]!["content"]));
        var facts = JsonNode.Parse((string)body["messages"]![1]!["content"]!);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"suggestions":[
              {"ruleId":"hot-day","favourCategories":["beverages","ice_cream"],"favourProducts":[],"facts":["temperature 31°C is at least 25°C"],"template":"31°C in Berlin: put cold drinks up front."},
              {"ruleId":"trend","favourCategories":["ice_cream"],"favourProducts":[],"facts":["ice_cream sold 6 units"],"template":"ice_cream is selling."}]}
            """), facts), facts!.ToJsonString());
    }

    [Fact]
    public async Task One_call_per_shop_per_cache_period()
    {
        using var node = ScriptedNode.Playing(new ScriptedResponse(200, Completion(Lines)));
        var (wording, time, _) = Wording(node);
        var ct = TestContext.Current.CancellationToken;

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => wording.WordAsync("shop-a", Hot, ct)));
        var changed = await wording.WordAsync("shop-a", [Hot[0] with { Because = ["temperature 33°C is at least 25°C"] }], ct);
        var afterShopA = node.Requests.Count;
        await wording.WordAsync("shop-b", Hot, ct);
        time.Advance(TimeSpan.FromMinutes(60));
        var renewed = await wording.WordAsync("shop-a", Hot, ct);

        Assert.Equal(1, afterShopA);
        Assert.Equal(("template", "31°C in Berlin: put cold drinks up front."), (changed.Source, changed.Texts[0]));
        Assert.Equal(3, node.Requests.Count);
        Assert.Equal("ai", renewed.Source);
    }

    [Theory]
    [InlineData(200, "{\"lines\": \"not a list\"}", 0, "the model's answer was not the JSON asked for")]
    [InlineData(429, "{\"error\":{\"message\":\"Rate limit\"}}", 0, "the model answered 429")]
    [InlineData(200, Lines, 10, "the model did not answer within 1 s")]
    public async Task A_failed_or_slow_call_falls_back_to_templates_and_counts_against_the_budget(int status, string content, int delaySeconds, string note)
    {
        var body = status == 200 ? Completion(content) : content;
        using var node = ScriptedNode.Playing(new ScriptedResponse(status, body, TimeSpan.FromSeconds(delaySeconds)));
        var (wording, _, log) = Wording(node, timeoutSeconds: delaySeconds > 0 ? 1 : 30);

        var words = await wording.WordAsync("shop-a", Hot, TestContext.Current.CancellationToken);
        await wording.WordAsync("shop-a", Hot, TestContext.Current.CancellationToken);

        Assert.Equal(("template", note), (words.Source, words.Note));
        Assert.Equal(Hot.Select(h => h.Template), words.Texts);
        // On a loaded machine a timed-out call may give up before its request reaches the listener; it is never sent twice.
        Assert.InRange(node.Requests.Count, delaySeconds > 0 ? 0 : 1, 1);
        Assert.DoesNotContain(log.Lines, line => line.Contains(Key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_key_the_templates_are_used_and_nothing_is_called()
    {
        var wording = new PromotionWording(Options.Create(new PromotionOptions()), new ManualTime(Start));

        var words = await wording.WordAsync("shop-a", Hot, TestContext.Current.CancellationToken);

        Assert.Equal(("template", (string?)null), (words.Source, words.Note));
        Assert.Equal(Hot.Select(h => h.Template), words.Texts);
    }
}
