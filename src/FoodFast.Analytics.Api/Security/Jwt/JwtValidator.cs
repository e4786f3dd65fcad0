using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FoodFast.Analytics.Api.Security.Jwt;

/// <summary>
/// Validates compact JWS tokens (RFC 7519) with Microsoft.IdentityModel's <see cref="JsonWebTokenHandler"/> (the
/// validator inside ASP.NET Core's JwtBearer): the configured algorithm only (never <c>none</c>, never the other family,
/// so an RS256 key cannot be abused as an HMAC secret), signature, <c>exp</c>/<c>nbf</c> with skew, <c>iss</c>,
/// <c>aud</c>; then <see cref="JwtClaims"/> maps <c>sub</c>, <c>shop_id</c> and <c>roles</c> to a <see cref="Caller"/>.
/// It runs inside our one credential handler, which takes an API key or a token in the same headers.
/// </summary>
public sealed class JwtValidator : IDisposable
{
    private readonly JwtOptions _options;
    private readonly RSA? _rsa;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly TokenValidationParameters _parameters;

    public JwtValidator(JwtOptions options, TimeProvider time)
    {
        var problems = Check(options).ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }
        _options = options;
        SecurityKey key;
        if (options.Algorithm == "HS256")
        {
            key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.Secret!));
        }
        else
        {
            _rsa = RSA.Create();
            _rsa.ImportFromPem(options.PublicKeyPem);
            key = new RsaSecurityKey(_rsa);
        }
        _parameters = new TokenValidationParameters
        {
            IssuerSigningKey = key,
            ValidAlgorithms = [options.Algorithm],
            ValidIssuer = options.Issuer,
            ValidAudience = options.Audience,
            ClockSkew = TimeSpan.FromSeconds(options.ClockSkewSeconds),
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            LifetimeValidator = (notBefore, expires, _, parameters) => CheckLifetime(notBefore, expires, parameters.ClockSkew, time.GetUtcNow().UtcDateTime),
        };
    }

    // The handler's own lifetime check reads the system clock; this is the same check on the service's TimeProvider.
    private static bool CheckLifetime(DateTime? notBefore, DateTime? expires, TimeSpan skew, DateTime now) =>
        expires is null ? throw new SecurityTokenNoExpirationException("no exp")
        : now > expires.Value + skew ? throw new SecurityTokenExpiredException("expired")
        : notBefore is { } start && now < start - skew ? throw new SecurityTokenNotYetValidException("not yet valid")
        : true;

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
        JsonWebToken parsed;
        try
        {
            parsed = _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException refused)
        {
            // The handler reads exp and nbf as it parses: a text time is a refused time, not a broken token.
            return JwtResult.Fail(refused.InnerException?.Message switch
            {
                { } why when why.Contains("JsonWebToken.exp'", StringComparison.Ordinal) => "the token has no numeric exp claim",
                { } why when why.Contains("JsonWebToken.nbf'", StringComparison.Ordinal) => "the token is not valid yet (nbf)",
                _ => Malformed,
            });
        }
        if (parsed.IsEncrypted || parsed.EncodedPayload.Length == 0)
        {
            return JwtResult.Fail(Malformed);
        }
        // The algorithm is pinned by configuration, never chosen by the token: this is what stops 'none' and HS/RS confusion.
        if (parsed.Alg != _options.Algorithm)
        {
            return JwtResult.Fail($"token algorithm '{parsed.Alg}' is not accepted; this service accepts {_options.Algorithm} only");
        }
        if (parsed.EncodedSignature.Length == 0)
        {
            return JwtResult.Fail(Malformed);
        }
        // The handler would call a text exp malformed; it is a missing numeric exp.
        if (!parsed.TryGetPayloadValue<double>("exp", out _))
        {
            return JwtResult.Fail("the token has no numeric exp claim");
        }
        // The handler completes synchronously for a key given in the parameters (no metadata to fetch).
        var result = _handler.ValidateTokenAsync(parsed, _parameters).GetAwaiter().GetResult();
        return result.IsValid ? JwtClaims.ToCaller(parsed) : JwtResult.Fail(Reason(result.Exception));
    }

    private const string Malformed = "the token is not a well-formed JWT";

    private static string Reason(Exception? refusal) => refusal switch
    {
        SecurityTokenNoExpirationException => "the token has no numeric exp claim",
        SecurityTokenExpiredException => "the token has expired",
        SecurityTokenNotYetValidException => "the token is not valid yet (nbf)",
        SecurityTokenInvalidLifetimeException => "the token's exp and nbf are not valid times",
        SecurityTokenInvalidIssuerException => "the token issuer (iss) is not accepted",
        SecurityTokenInvalidAudienceException => "the token audience (aud) is not accepted",
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "the token signature is invalid",
        SecurityTokenMalformedException or ArgumentException => Malformed,
        _ => "the token was refused",
    };

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
