using System.Text.Json;

namespace FoodFast.Analytics.Api.Security.Jwt;

/// <summary>The registered and FoodFast claims of a token whose signature is already verified.</summary>
internal static class JwtClaims
{
    public static JwtResult ToCaller(JsonElement claims, JwtOptions options, DateTimeOffset now)
    {
        var skew = options.ClockSkewSeconds;
        if (!TryTime(claims, "exp", out var exp))
        {
            return JwtResult.Fail("the token has no numeric exp claim");
        }
        if (now.ToUnixTimeSeconds() > exp + skew)
        {
            return JwtResult.Fail("the token has expired");
        }
        if (claims.TryGetProperty("nbf", out _) && (!TryTime(claims, "nbf", out var nbf) || now.ToUnixTimeSeconds() < nbf - skew))
        {
            return JwtResult.Fail("the token is not valid yet (nbf)");
        }
        if (JwtValidator.Text(claims, "iss") != options.Issuer)
        {
            return JwtResult.Fail("the token issuer (iss) is not accepted");
        }
        if (!Audiences(claims).Contains(options.Audience))
        {
            return JwtResult.Fail("the token audience (aud) is not accepted");
        }
        if (JwtValidator.Text(claims, "sub") is not { Length: > 0 } subject)
        {
            return JwtResult.Fail("the token has no sub claim");
        }
        var roles = Roles.ParseKnown(RoleNames(claims));
        if (roles.Count == 0)
        {
            return JwtResult.Fail($"the token carries none of the roles {Roles.Names}");
        }
        var shop = JwtValidator.Text(claims, "shop_id") is { Length: > 0 } s ? s : null;
        if (shop is null && !roles.Contains(Role.Admin))
        {
            return JwtResult.Fail("the token has no shop_id claim; only admin tokens span all shops");
        }
        return new JwtResult(new Caller(Caller.JwtIdPrefix + subject, null, roles, shop), null);
    }

    private static bool TryTime(JsonElement claims, string name, out long seconds)
    {
        seconds = 0;
        if (!claims.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var raw))
        {
            return false;
        }
        seconds = (long)Math.Floor(raw);
        return true;
    }

    private static IEnumerable<string> Audiences(JsonElement claims) => claims.TryGetProperty("aud", out var aud)
        ? aud.ValueKind switch
        {
            JsonValueKind.String => [aud.GetString()!],
            JsonValueKind.Array => aud.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!),
            _ => [],
        }
        : [];

    /// <summary><c>roles</c> as a list of strings or one space-separated string (OAuth <c>scope</c> style).</summary>
    private static IEnumerable<string> RoleNames(JsonElement claims) => claims.TryGetProperty("roles", out var roles)
        ? roles.ValueKind switch
        {
            JsonValueKind.String => roles.GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            JsonValueKind.Array => roles.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!),
            _ => [],
        }
        : [];
}
