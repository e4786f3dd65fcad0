using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace FoodFast.Analytics.Tests.Security;

/// <summary>Mints compact JWTs for tests, including the malformed and malicious ones a validator must refuse.</summary>
public static class JwtTokens
{
    public const string Issuer = "https://id.foodfast.test";
    public const string Audience = "foodfast-analytics";
    public const string Secret = "a-shared-secret-of-at-least-32-bytes!!";

    /// <summary>The service settings that accept the tokens minted here (HS256 with <see cref="Secret"/>).</summary>
    public static void Configure(IDictionary<string, string?> settings)
    {
        settings["Security:Jwt:Algorithm"] = "HS256";
        settings["Security:Jwt:Secret"] = Secret;
        settings["Security:Jwt:Issuer"] = Issuer;
        settings["Security:Jwt:Audience"] = Audience;
    }

    public static Dictionary<string, object> Claims(DateTimeOffset now, string[]? roles = null, string? shopId = "shop-a") => new()
    {
        ["iss"] = Issuer,
        ["aud"] = Audience,
        ["sub"] = "user-42",
        ["iat"] = now.ToUnixTimeSeconds(),
        ["exp"] = now.AddMinutes(10).ToUnixTimeSeconds(),
        ["roles"] = roles ?? ["analyst"],
        ["shop_id"] = shopId!,
    };

    public static string Hs256(IDictionary<string, object> claims, string secret = Secret) =>
        Sign("HS256", claims, input => HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), input));

    public static string HsWithKeyBytes(IDictionary<string, object> claims, byte[] key) =>
        Sign("HS256", claims, input => HMACSHA256.HashData(key, input));

    public static string Rs256(IDictionary<string, object> claims, RSA privateKey) =>
        Sign("RS256", claims, input => privateKey.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    /// <summary>An unsigned token (<c>alg: none</c>, empty signature).</summary>
    public static string None(IDictionary<string, object> claims) => $"{Part(new { alg = "none", typ = "JWT" })}.{Part(claims)}.";

    public static string Sign(string alg, IDictionary<string, object> claims, Func<byte[], byte[]> signer)
    {
        var signingInput = $"{Part(new { alg, typ = "JWT" })}.{Part(claims)}";
        return $"{signingInput}.{Base64Url.EncodeToString(signer(Encoding.ASCII.GetBytes(signingInput)))}";
    }

    public static string Part(object value) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(value));
}
