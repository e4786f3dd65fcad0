using System.Collections.Concurrent;
using FoodFast.Analytics.Promotions.Rules;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Promotions.Wording;

/// <param name="Texts">One text per suggestion, in order.</param>
/// <param name="Source">ai (the model's phrasing) or template.</param>
/// <param name="Note">Why the template was used when a model is configured (timeout, error, budget).</param>
public sealed record Wording(IReadOnlyList<string> Texts, string Source, string? Note);

/// <summary>
/// Words the suggestions: template text, or a model's phrasing when an OpenAI-compatible key is configured. The model
/// is asked at most once per shop per <see cref="AiOptions.CacheMinutes"/>; a failed call counts too, so the cost stays
/// bounded. Until the period ends, suggestions the model phrased reuse its text and any others keep their template.
/// </summary>
public sealed class PromotionWording(IOptions<PromotionOptions> options, TimeProvider time, IChatModel? model = null)
{
    private sealed record Phrased(DateTimeOffset Until, IReadOnlyDictionary<string, string> Texts, string? Failure);

    private readonly ConcurrentDictionary<string, Phrased> _phrased = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public async Task<Wording> WordAsync(string shopKey, IReadOnlyList<PromotionSuggestion> suggestions, CancellationToken cancellationToken)
    {
        var templates = suggestions.Select(s => s.Template).ToList();
        if (model is null || suggestions.Count == 0)
        {
            return new Wording(templates, "template", null);
        }
        var gate = _locks.GetOrAdd(shopKey, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        Phrased phrased;
        try
        {
            if (!_phrased.TryGetValue(shopKey, out phrased!) || phrased.Until <= time.GetUtcNow())
            {
                phrased = await AskAsync(suggestions, cancellationToken);
                _phrased[shopKey] = phrased;
            }
        }
        finally
        {
            gate.Release();
        }
        var texts = suggestions.Select(s => phrased.Texts.TryGetValue(Key(s), out var text) ? text : null).ToList();
        if (texts.All(t => t is not null))
        {
            return new Wording(texts!, "ai", null);
        }
        var note = phrased.Failure ?? "the facts changed since the model last phrased them for this shop; template text until the phrasing expires";
        return new Wording(texts.Select((t, i) => t ?? templates[i]).ToList(), texts.Any(t => t is not null) ? "ai+template" : "template", note);
    }

    private async Task<Phrased> AskAsync(IReadOnlyList<PromotionSuggestion> suggestions, CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow().AddMinutes(options.Value.Ai.CacheMinutes);
        var answer = await model!.PhraseAsync(suggestions, cancellationToken);
        if (answer.Lines is null)
        {
            return new Phrased(until, new Dictionary<string, string>(), answer.Failure);
        }
        var texts = suggestions.Where(s => answer.Lines.ContainsKey(s.RuleId)).ToDictionary(Key, s => answer.Lines[s.RuleId], StringComparer.Ordinal);
        return new Phrased(until, texts, texts.Count < suggestions.Count ? "the model left some suggestions out" : null);
    }

    /// <summary>A phrasing is reused only for the same rule with the same facts and template.</summary>
    private static string Key(PromotionSuggestion s) => string.Join('\u001f', [s.RuleId, s.Template, .. s.Because]);
}
