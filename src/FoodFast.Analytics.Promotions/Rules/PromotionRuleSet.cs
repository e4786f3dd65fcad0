using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Promotions.Rules;

/// <summary>The rules in force: the file at <see cref="PromotionOptions.RulesPath"/>, or the embedded defaults. Read once.</summary>
public sealed class PromotionRuleSet(IOptions<PromotionOptions> options)
{
    private readonly Lazy<IReadOnlyList<PromotionRule>> _rules = new(() =>
    {
        var (rules, errors) = RuleFile.Parse(Read(options.Value.RulesPath));
        return errors.Count == 0 ? rules : throw new InvalidOperationException(string.Join("; ", errors));
    });

    public IReadOnlyList<PromotionRule> Rules => _rules.Value;

    /// <summary>Where the rules come from, for answers and logs.</summary>
    public string Source => options.Value.RulesPath.Length == 0 ? "embedded defaults" : options.Value.RulesPath;

    public static string Read(string path) => path.Length == 0 ? RuleFile.EmbeddedText() : File.ReadAllText(path);
}

/// <summary>Fails start-up on a rules file or static weather that cannot work, naming the setting, the rule and the field.</summary>
public sealed class PromotionOptionsValidator : IValidateOptions<PromotionOptions>
{
    public ValidateOptionsResult Validate(string? name, PromotionOptions options)
    {
        var errors = new List<string>();
        if (options.MinSupport < 1)
        {
            errors.Add($"{PromotionOptions.Section}:MinSupport must be at least 1");
        }
        if (options.SignalWindowDays is < 1 or > 90)
        {
            errors.Add($"{PromotionOptions.Section}:SignalWindowDays must be between 1 and 90");
        }
        if (options.RulesPath.Length > 0 && !File.Exists(options.RulesPath))
        {
            errors.Add($"{PromotionOptions.Section}:RulesPath '{options.RulesPath}' does not exist");
        }
        else
        {
            errors.AddRange(RuleFile.Parse(PromotionRuleSet.Read(options.RulesPath)).Errors.Select(e => $"{PromotionOptions.Section}:RulesPath: {e}"));
        }
        var weather = options.Weather;
        // Empty values, as .env.example writes them, mean unset.
        if ((weather.StaticTemperatureC is null) != string.IsNullOrEmpty(weather.StaticCondition))
        {
            errors.Add($"{PromotionOptions.Section}:Weather:StaticTemperatureC and StaticCondition must be set together");
        }
        if (weather.StaticCondition is { Length: > 0 } condition && !WeatherConditions.All.Contains(condition))
        {
            errors.Add($"{PromotionOptions.Section}:Weather:StaticCondition '{condition}' is not valid; valid: {string.Join(", ", WeatherConditions.All)}");
        }
        foreach (var (setting, url) in new[] { ("Weather:BaseUrl", weather.BaseUrl), ("Ai:BaseUrl", options.Ai.BaseUrl) })
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                errors.Add($"{PromotionOptions.Section}:{setting} must be an absolute http(s) URL");
            }
        }
        if (weather.TimeoutSeconds is <= 0 or > 60 || options.Ai.TimeoutSeconds is <= 0 or > 120 || weather.CacheMinutes < 0 || options.Ai.CacheMinutes < 0)
        {
            errors.Add($"{PromotionOptions.Section}: timeouts must be positive (weather up to 60 s, AI up to 120 s) and cache periods not negative");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
