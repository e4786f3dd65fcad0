using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;

namespace FoodFast.Analytics.Api.Security.Jwt;

/// <summary>FoodFast's claims of a token the handler has validated (signature, lifetime, issuer, audience).</summary>
internal static class JwtClaims
{
    public static JwtResult ToCaller(JsonWebToken token)
    {
        if (Text(token, "sub") is not { Length: > 0 } subject)
        {
            return JwtResult.Fail("the token has no sub claim");
        }
        var roles = Roles.ParseKnown(RoleNames(token));
        if (roles.Count == 0)
        {
            return JwtResult.Fail($"the token carries none of the roles {Roles.Names}");
        }
        var shop = Text(token, "shop_id") is { Length: > 0 } s ? s : null;
        if (shop is null && !roles.Contains(Role.Admin))
        {
            return JwtResult.Fail("the token has no shop_id claim; only admin tokens span all shops");
        }
        return new JwtResult(new Caller(Caller.JwtIdPrefix + subject, null, roles, shop), null);
    }

    private static string? Text(JsonWebToken token, string name) =>
        token.TryGetPayloadValue<string>(name, out var value) ? value : null;

    /// <summary><c>roles</c> as a list of strings or one space-separated string (OAuth <c>scope</c> style); the handler gives each list entry as a claim of its own.</summary>
    private static IEnumerable<string> RoleNames(JsonWebToken token) => token.Claims
        .Where(c => c.Type == "roles" && c.ValueType == ClaimValueTypes.String)
        .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
