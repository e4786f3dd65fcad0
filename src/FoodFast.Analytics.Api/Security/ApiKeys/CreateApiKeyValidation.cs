namespace FoodFast.Analytics.Api.Security.ApiKeys;

/// <summary>Field errors of a <see cref="CreateApiKeyRequest"/>, keyed by field name (empty when valid).</summary>
internal static class CreateApiKeyValidation
{
    public const int MaxNameLength = 100;
    public const int MaxShopIdLength = 100;

    public static Dictionary<string, string[]> Errors(CreateApiKeyRequest request, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > MaxNameLength)
        {
            errors["name"] = [$"name is required, at most {MaxNameLength} characters."];
        }
        var roles = new List<Role>();
        if (request.Roles is not { Length: > 0 })
        {
            errors["roles"] = [$"roles needs at least one of {Roles.Names}."];
        }
        else
        {
            for (var i = 0; i < request.Roles.Length; i++)
            {
                if (Roles.TryParse(request.Roles[i], out var role))
                {
                    roles.Add(role);
                }
                else
                {
                    errors[$"roles[{i}]"] = [$"'{request.Roles[i]}' is not a role; valid roles are {Roles.Names}."];
                }
            }
        }
        var admin = roles.Contains(Role.Admin);
        if (admin && request.ShopId is not null)
        {
            errors["shopId"] = ["admin keys span all shops: leave shopId out."];
        }
        else if (!admin && roles.Count > 0 && string.IsNullOrWhiteSpace(request.ShopId))
        {
            errors["shopId"] = ["shopId is required: only admin keys span all shops."];
        }
        else if (request.ShopId is { Length: > MaxShopIdLength })
        {
            errors["shopId"] = [$"shopId is at most {MaxShopIdLength} characters."];
        }
        if (request.ExpiresAt is { } expires && expires <= now)
        {
            errors["expiresAt"] = ["expiresAt must be in the future."];
        }
        return errors;
    }
}
