using FoodFast.Analytics.Api.Security.Jwt;
using FoodFast.Analytics.Api.Security.RateLimiting;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Api.Security;

/// <summary>Checks the <c>Security</c> section at start-up; each message names the setting and what is valid.</summary>
internal sealed class SecurityOptionsValidation : IValidateOptions<SecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        var failures = new List<string>();
        if (options.AdminApiKey is { Length: > 0 } key && (key.Length < 32 || key.Any(char.IsWhiteSpace)))
        {
            failures.Add("Security:AdminApiKey (ADMIN_API_KEY) must be at least 32 characters without spaces");
        }
        if (options.KeyCacheSeconds is < 0 or > 5)
        {
            failures.Add("Security:KeyCacheSeconds must be between 0 and 5");
        }
        if (string.IsNullOrWhiteSpace(options.BootstrapKeyFile))
        {
            failures.Add("Security:BootstrapKeyFile must be a file path");
        }
        if (options.JwtEnabled)
        {
            failures.AddRange(JwtValidator.Check(options.Jwt!));
        }
        failures.AddRange(Check("Ingestion", options.RateLimits.Ingestion));
        failures.AddRange(Check("Queries", options.RateLimits.Queries));
        if (options.FailedCredentials.MaxFailures < 0 || options.FailedCredentials.WindowSeconds is < 1 or > 86400)
        {
            failures.Add("Security:FailedCredentials needs MaxFailures >= 0 (0 = off) and WindowSeconds between 1 and 86400");
        }
        failures.AddRange(TrustedProxies.Parse(options.TrustedProxies).Invalid
            .Select(entry => $"Security:TrustedProxies: '{entry}' is not an IP address or CIDR range (e.g. 10.0.0.5 or 172.18.0.0/16)"));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> Check(string name, TokenBucketBudget budget)
    {
        if (budget.TokenLimit < 1 || budget.TokensPerPeriod < 1 || budget.ReplenishmentPeriodSeconds <= 0)
        {
            yield return $"Security:RateLimits:{name} needs TokenLimit >= 1, TokensPerPeriod >= 1 and ReplenishmentPeriodSeconds > 0";
        }
    }
}
