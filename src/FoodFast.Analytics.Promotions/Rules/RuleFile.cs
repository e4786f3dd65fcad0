using System.Text.Json;
using System.Text.RegularExpressions;

namespace FoodFast.Analytics.Promotions.Rules;

/// <summary>
/// Reads a rules file and checks every rule; each error names the rule and the field
/// (<c>rule 'hot-day' (rules[0]): when.temperatureC.min must be a number</c>) so the operator can fix it.
/// </summary>
public static partial class RuleFile
{
    public const string EmbeddedName = "default-promotion-rules.json";

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex Id();

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex Placeholder();

    public static string EmbeddedText()
    {
        using var stream = typeof(RuleFile).Assembly.GetManifestResourceStream(EmbeddedName)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The rules, or every error found (never both).</summary>
    public static (IReadOnlyList<PromotionRule> Rules, IReadOnlyList<string> Errors) Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            return ([], [$"not valid JSON: {ex.Message}"]);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("rules", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                return ([], ["the file must be an object with a \"rules\" array"]);
            }
            var errors = new List<string>();
            var rules = new List<PromotionRule>();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var element in list.EnumerateArray())
            {
                var reader = new RuleReader(element, index++);
                var rule = reader.Read();
                if (reader.Id is { } id && !ids.Add(id))
                {
                    errors.Add($"{reader.Name}: id is used by an earlier rule");
                }
                errors.AddRange(reader.Errors);
                if (rule is not null)
                {
                    rules.Add(rule);
                }
            }
            return errors.Count > 0 ? ([], errors) : (rules, []);
        }
    }

    /// <summary>Reads one rule, collecting errors instead of stopping at the first.</summary>
    private sealed class RuleReader(JsonElement rule, int index)
    {
        public List<string> Errors { get; } = [];

        public string Name { get; private set; } = $"rule #{index + 1} (rules[{index}])";

        public string? Id { get; private set; }

        public PromotionRule? Read()
        {
            if (rule.ValueKind != JsonValueKind.Object)
            {
                Error("", "must be an object");
                return null;
            }
            var id = Id = Text("id");
            if (id is not null)
            {
                Name = $"rule '{id}' (rules[{index}])";
                if (!Id().IsMatch(id))
                {
                    Error("id", "must be 1-64 lowercase letters, digits, '-' or '_'");
                }
            }
            var before = Errors.Count;
            var when = Object("when");
            var conditions = when is { } w ? new RuleConditions(Range(w, "when.temperatureC", "temperatureC", -90, 60), Conditions(w), Range(w, "when.windSpeedMs", "windSpeedMs", 0, 120), Trending(w)) : null;
            if (conditions is { TemperatureC: null, Conditions: null, WindSpeedMs: null, Trending: null } && Errors.Count == before)
            {
                Error("when", "needs at least one of temperatureC, conditions, windSpeedMs, trending");
            }
            var favour = Object("favour") is { } f ? new RuleFavours(Strings(f, "favour.categories", "categories") ?? [], Strings(f, "favour.products", "products") ?? []) : null;
            if (favour is { Categories.Count: 0, Products.Count: 0 })
            {
                Error("favour", "needs at least one category or product");
            }
            var message = Text("message");
            foreach (Match m in Placeholder().Matches(message ?? ""))
            {
                if (!WeatherConditions.Placeholders.Contains(m.Groups[1].Value))
                {
                    Error("message", $"unknown placeholder {{{m.Groups[1].Value}}}; valid: {string.Join(", ", WeatherConditions.Placeholders.Select(p => "{" + p + "}"))}");
                }
            }
            return id is null || conditions is null || favour is null || message is null ? null : new PromotionRule(id, conditions, favour, message);
        }

        private void Error(string field, string message) => Errors.Add(field.Length == 0 ? $"{Name}: {message}" : $"{Name}: {field} {message}");

        private string? Text(string field)
        {
            if (rule.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Trim().Length > 0)
            {
                return value.GetString()!.Trim();
            }
            Error(field, "is required and must be a non-empty string");
            return null;
        }

        private JsonElement? Object(string field)
        {
            if (rule.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Object)
            {
                return value;
            }
            Error(field, "is required and must be an object");
            return null;
        }

        private NumberRange? Range(JsonElement parent, string path, string field, decimal lowest, decimal highest)
        {
            if (!parent.TryGetProperty(field, out var range))
            {
                return null;
            }
            decimal? Bound(string name)
            {
                if (!range.TryGetProperty(name, out var bound))
                {
                    return null;
                }
                if (bound.ValueKind != JsonValueKind.Number || bound.GetDecimal() < lowest || bound.GetDecimal() > highest)
                {
                    Error($"{path}.{name}", $"must be a number from {lowest} to {highest}");
                    return null;
                }
                return bound.GetDecimal();
            }
            var (min, max) = range.ValueKind == JsonValueKind.Object ? (Bound("min"), Bound("max")) : (null, null);
            if (range.ValueKind != JsonValueKind.Object || (min is null && max is null))
            {
                Error(path, "must be an object with min and/or max");
            }
            else if (min > max)
            {
                Error(path, $"min ({min}) is above max ({max})");
            }
            return new NumberRange(min, max);
        }

        private List<string>? Conditions(JsonElement when)
        {
            var conditions = when.TryGetProperty("conditions", out _) ? Strings(when, "when.conditions", "conditions") : null;
            foreach (var unknown in conditions?.Where(c => !WeatherConditions.All.Contains(c)) ?? [])
            {
                Error("when.conditions", $"'{unknown}' is not a weather condition; valid: {string.Join(", ", WeatherConditions.All)}");
            }
            return conditions;
        }

        private TrendingCondition? Trending(JsonElement when)
        {
            if (!when.TryGetProperty("trending", out var trending))
            {
                return null;
            }
            if (trending.ValueKind != JsonValueKind.Object)
            {
                Error("when.trending", "must be an object with categories and optionally minRatio");
                return null;
            }
            var categories = Strings(trending, "when.trending.categories", "categories");
            if (categories is { Count: 0 })
            {
                Error("when.trending.categories", "needs at least one category");
            }
            var ratio = 1.2m;
            if (trending.TryGetProperty("minRatio", out var minRatio) && (minRatio.ValueKind != JsonValueKind.Number || (ratio = minRatio.GetDecimal()) <= 1))
            {
                Error("when.trending.minRatio", "must be a number above 1");
            }
            return new TrendingCondition(categories ?? [], ratio);
        }

        private List<string>? Strings(JsonElement parent, string path, string field)
        {
            if (!parent.TryGetProperty(field, out var array))
            {
                return null;
            }
            if (array.ValueKind != JsonValueKind.Array || array.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String || e.GetString()!.Trim().Length == 0))
            {
                Error(path, "must be an array of non-empty strings");
                return null;
            }
            return array.EnumerateArray().Select(e => e.GetString()!.Trim()).ToList();
        }
    }
}
