using FoodFast.Analytics.Core.Queries;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Api.Queries;

/// <summary>Checks the <c>Shops</c> section at start-up: every zone is an IANA id, and each message names its key.</summary>
internal sealed class ShopsOptionsValidation : IValidateOptions<ShopsOptions>
{
    public ValidateOptionsResult Validate(string? name, ShopsOptions options)
    {
        var settings = options.TimeZones.Select(pair => (Key: $"{ShopsOptions.Section}:{nameof(ShopsOptions.TimeZones)}:{pair.Key}", Zone: pair.Value))
            .Prepend((Key: $"{ShopsOptions.Section}:{nameof(ShopsOptions.DefaultTimeZone)}", Zone: options.DefaultTimeZone));
        var failures = settings.Where(setting => !IanaTimeZone.IsValid(setting.Zone))
            .Select(setting => $"{setting.Key}: {IanaTimeZone.Problem(setting.Zone)}").ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
