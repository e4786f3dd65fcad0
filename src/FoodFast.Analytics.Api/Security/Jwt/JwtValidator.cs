using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace FoodFast.Analytics.Api.Security.Jwt;

/// <summary>
/// Validates compact JWS tokens (RFC 7519) with the framework's own crypto: the configured algorithm only
/// (never <c>none</c>, never the other family, so an RS256 key cannot be abused as an HMAC secret), signature,
/// <c>exp</c>/<c>nbf</c> with skew, <c>iss</c>, <c>aud</c>; then maps <c>sub</c>, <c>shop_id</c> and <c>roles</c> to a <see cref="Caller"/>.
/// </summary>
public sealed class JwtValidator : IDisposable
{
    private readonly JwtOptions _options;
    private readonly TimeProvider _time;
    private readonly byte[]? _secret;
    private readonly RSA? _rsa;

    public JwtValidator(JwtOptions options, TimeProvider time)
    {
        var problems = Check(options).ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }
        _options = options;
        _time = time;
        if (options.Algorithm == "HS256")
        {
            _secret = Encoding.UTF8.GetBytes(options.Secret!);
        }
        else
        {
            _rsa = RSA.Create();
            _rsa.ImportFromPem(options.PublicKeyPem);
        }
    }

    /// <summary>Configuration errors, each naming the setting.</summary>
    public static IEnumerable<string> Check(JwtOptions options)
    {
        if (options.Algorithm is not ("HS256" or "RS256"))
        {
            yield return $"Security:Jwt:Algorithm '{options.Algorithm}' is not supported; valid values are HS256 and RS256";
        }
        if (options.Algorithm == "HS256" && Encoding.UTF8.GetByteCount(options.Secret ?? "") < 32)
        {
            yield return "Security:Jwt:Secret must be at least 32 bytes for HS256";
        }
        if (options.Algorithm == "RS256" && !IsRsaPublicKey(options.PublicKeyPem))
        {
            yield return "Security:Jwt:PublicKeyPem must be a PEM RSA public key of at least 2048 bits for RS256";
        }
        if (string.IsNullOrWhiteSpace(options.Issuer) || string.IsNullOrWhiteSpace(options.Audience))
        {
            yield return "Security:Jwt:Issuer and Security:Jwt:Audience are both required";
        }
        if (options.ClockSkewSeconds is < 0 or > 300)
        {
            yield return "Security:Jwt:ClockSkewSeconds must be between 0 and 300";
        }
    }

    /// <summary>The caller the token proves, or the reason it is refused.</summary>
    public JwtResult Validate(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || Decode(parts[0]) is not { } header || Decode(parts[1]) is not { } payload)
        {
            return JwtResult.Fail("the token is not a well-formed JWT");
        }
        using var headerJson = Parse(header);
        using var payloadJson = Parse(payload);
        if (headerJson is null || payloadJson is null)
        {
            return JwtResult.Fail("the token is not a well-formed JWT");
        }
        // The algorithm is pinned by configuration, never chosen by the token: this is what stops 'none' and HS/RS confusion.
        var alg = Text(headerJson.RootElement, "alg");
        if (alg != _options.Algorithm)
        {
            return JwtResult.Fail($"token algorithm '{alg}' is not accepted; this service accepts {_options.Algorithm} only");
        }
        if (Decode(parts[2], json: false) is not { } signature)
        {
            return JwtResult.Fail("the token is not a well-formed JWT");
        }
        if (!SignatureMatches(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), signature))
        {
            return JwtResult.Fail("the token signature is invalid");
        }
        return JwtClaims.ToCaller(payloadJson.RootElement, _options, _time.GetUtcNow());
    }

    private bool SignatureMatches(byte[] signedPart, byte[] signature) => _secret is not null
        ? CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(_secret, signedPart), signature)
        : _rsa!.VerifyData(signedPart, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    private static byte[]? Decode(string part, bool json = true)
    {
        if (part.Length == 0 || !Base64Url.IsValid(part))
        {
            return null;
        }
        var bytes = Base64Url.DecodeFromChars(part);
        return json && bytes.Length == 0 ? null : bytes;
    }

    private static JsonDocument? Parse(byte[] utf8)
    {
        try
        {
            var document = JsonDocument.Parse(utf8);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }
            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static string? Text(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool IsRsaPublicKey(string? pem)
    {
        if (string.IsNullOrWhiteSpace(pem))
        {
            return false;
        }
        try
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            return rsa.KeySize >= 2048;
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            return false;
        }
    }

    public void Dispose() => _rsa?.Dispose();
}

public sealed record JwtResult(Caller? Caller, string? Error)
{
    public static JwtResult Fail(string error) => new(null, error);
}
