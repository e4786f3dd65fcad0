using FoodFast.Analytics.Core.Validation;

namespace FoodFast.Analytics.Api.Security.ApiKeys;

/// <summary>Field errors of a <see cref="CreateApiKeyRequest"/>, (empty when valid).</summary>
internal static class CreateApiKeyValidation
{
    public const int MaxNameLength = 100;
    public const int MaxShopIdLength = 100;

    public static List<FieldProblem> Errors(CreateApiKeyRequest request, DateTimeOffset now)
    {
        var errors = new List<FieldProblem>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > MaxNameLength)
        {
            errors.Add(new("name", $"name is required, at most {MaxNameLength} characters."));
        }
        var roles = new List<Role>();
        if (request.Roles is not { Length: > 0 })
        {
            errors.Add(new("roles", $"roles needs at least one of {Roles.Names}."));
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
                    errors.Add(new($"roles[{i}]", $"'{request.Roles[i]}' is not a role; valid roles are {Roles.Names}."));
                }
            }
        }
        var admin = roles.Contains(Role.Admin);
        if (admin && request.ShopId is not null)
        {
            errors.Add(new("shopId", "admin keys span all shops: leave shopId out."));
        }
        else if (!admin && roles.Count > 0 && string.IsNullOrWhiteSpace(request.ShopId))
        {
            errors.Add(new("shopId", "shopId is required: only admin keys span all shops."));
        }
        else if (request.ShopId is { Length: > MaxShopIdLength })
        {
            errors.Add(new("shopId", $"shopId is at most {MaxShopIdLength} characters."));
        }
        if (request.ExpiresAt is { } expires && expires <= now)
        {
            errors.Add(new("expiresAt", "expiresAt must be in the future."));
        }
        return errors;
    }
}
