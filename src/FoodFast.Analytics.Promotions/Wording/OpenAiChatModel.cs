using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using FoodFast.Analytics.Promotions.Rules;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Promotions.Wording;

/// <param name="Lines">Text per rule id, or null when the call failed.</param>
/// <param name="Failure">Why there are no lines.</param>
public sealed record ModelAnswer(IReadOnlyDictionary<string, string>? Lines, string? Failure);

/// <summary>A model that phrases suggestions; never throws (a failure is an answer without lines).</summary>
public interface IChatModel
{
    Task<ModelAnswer> PhraseAsync(IReadOnlyList<PromotionSuggestion> suggestions, CancellationToken cancellationToken);
}

/// <summary>
/// <c>POST {BaseUrl}/chat/completions</c> on any OpenAI-compatible API, asking for a JSON object
/// <c>{"lines":[{"ruleId":..,"text":..}]}</c> written only from the facts given. The key goes in the Authorization
/// header and nowhere else (not in logs, not in answers).
/// </summary>
public sealed partial class OpenAiChatModel(HttpClient http, IOptions<PromotionOptions> options, ILogger logger) : IChatModel
{
    public const string Instructions =
        "You write promotion lines for a food shop's storefront. For each suggestion write one short, friendly line (at most 160 characters) " +
        "that favours its categories or products, using only the facts given: no prices, discounts or products that are not listed. " +
        "Answer with a JSON object {\"lines\":[{\"ruleId\":\"...\",\"text\":\"...\"}]} with one line per suggestion.";

    public async Task<ModelAnswer> PhraseAsync(IReadOnlyList<PromotionSuggestion> suggestions, CancellationToken cancellationToken)
    {
        var ai = options.Value.Ai;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(ai.TimeoutSeconds));
        // A sized body, not chunked: simple OpenAI-compatible servers do not all read chunked requests.
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{ai.BaseUrl.TrimEnd('/')}/chat/completions")
        {
            Content = new StringContent(Body(ai.Model, suggestions).ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ai.ApiKey);
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                return Failed($"the model answered {(int)response.StatusCode}");
            }
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(timeout.Token));
            var content = document.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!;
            using var lines = JsonDocument.Parse(content);
            var texts = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var line in lines.RootElement.GetProperty("lines").EnumerateArray())
            {
                if (line.GetProperty("ruleId").GetString() is { } id && line.GetProperty("text").GetString()?.Trim() is { Length: > 0 and <= 300 } text)
                {
                    texts[id] = text;
                }
            }
            return new ModelAnswer(texts, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed($"the model did not answer within {ai.TimeoutSeconds} s");
        }
        catch (HttpRequestException ex)
        {
            return Failed($"the model is unreachable ({ex.HttpRequestError})");
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            return Failed("the model's answer was not the JSON asked for");
        }
    }

    public static JsonObject Body(string model, IReadOnlyList<PromotionSuggestion> suggestions)
    {
        var facts = new JsonArray(suggestions.Select(s => (JsonNode)new JsonObject
        {
            ["ruleId"] = s.RuleId,
            ["favourCategories"] = new JsonArray(s.Categories.Select(c => (JsonNode?)c).ToArray()),
            ["favourProducts"] = new JsonArray(s.Products.Select(p => (JsonNode?)p).ToArray()),
            ["facts"] = new JsonArray(s.Because.Select(b => (JsonNode?)b).ToArray()),
            ["template"] = s.Template,
        }).ToArray());
        return new JsonObject
        {
            ["model"] = model,
            ["response_format"] = new JsonObject { ["type"] = "json_object" },
            ["messages"] = new JsonArray(
                new JsonObject { ["role"] = "system", ["content"] = Instructions },
                new JsonObject { ["role"] = "user", ["content"] = new JsonObject { ["suggestions"] = facts }.ToJsonString() }),
        };
    }

    private ModelAnswer Failed(string reason)
    {
        LogFailed(logger, reason);
        return new ModelAnswer(null, reason);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "AI wording unavailable, using templates: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
