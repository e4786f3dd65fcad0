using System.Security.Cryptography;
using System.Text;
using FoodFast.Analytics.Api.Security;
using FoodFast.Analytics.Api.Security.Jwt;
using FoodFast.Analytics.Tests.Security;

namespace FoodFast.Analytics.UnitTests.Security;

public sealed class JwtValidatorTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly FixedTime _time = new(Now);

    private JwtValidator Hs() => new(new JwtOptions { Algorithm = "HS256", Secret = JwtTokens.Secret, Issuer = JwtTokens.Issuer, Audience = JwtTokens.Audience }, _time);

    private JwtValidator Rs() => new(new JwtOptions { Algorithm = "RS256", PublicKeyPem = _rsa.ExportSubjectPublicKeyInfoPem(), Issuer = JwtTokens.Issuer, Audience = JwtTokens.Audience }, _time);

    [Fact]
    public void Valid_HS256_token_gives_the_caller_of_its_claims()
    {
        using var validator = Hs();

        var result = validator.Validate(JwtTokens.Hs256(JwtTokens.Claims(Now, ["analyst", "ingest", "chef"])));

        Assert.Null(result.Error);
        Assert.Equal("jwt:user-42", result.Caller!.Id);
        Assert.Null(result.Caller.KeyId);
        Assert.Equal("shop-a", result.Caller.ShopId);
        Assert.Equal([Role.Ingest, Role.Analyst], result.Caller.Roles.Order().ToArray());
    }

    [Fact]
    public void Valid_RS256_admin_token_without_shop_spans_all_shops()
    {
        using var validator = Rs();
        var claims = JwtTokens.Claims(Now, ["admin"], shopId: null);
        claims.Remove("shop_id");
        claims["aud"] = new[] { "other-service", JwtTokens.Audience };

        var result = validator.Validate(JwtTokens.Rs256(claims, _rsa));

        Assert.Null(result.Error);
        Assert.Equal([Role.Admin], result.Caller!.Roles.ToArray());
        Assert.Null(result.Caller.ShopId);
    }

    [Theory]
    [InlineData(-31, "the token has expired")]
    [InlineData(-29, null)] // within the 30 s skew
    public void Expiry_is_checked_with_skew(int expSecondsFromNow, string? error)
    {
        using var validator = Hs();
        var claims = JwtTokens.Claims(Now);
        claims["exp"] = Now.AddSeconds(expSecondsFromNow).ToUnixTimeSeconds();

        Assert.Equal(error, validator.Validate(JwtTokens.Hs256(claims)).Error);
    }

    [Theory]
    [InlineData(31, "the token is not valid yet (nbf)")]
    [InlineData(29, null)]
    public void Not_before_is_checked_with_skew(int nbfSecondsFromNow, string? error)
    {
        using var validator = Hs();
        var claims = JwtTokens.Claims(Now);
        claims["nbf"] = Now.AddSeconds(nbfSecondsFromNow).ToUnixTimeSeconds();

        Assert.Equal(error, validator.Validate(JwtTokens.Hs256(claims)).Error);
    }

    [Theory]
    [InlineData("iss", "https://evil.test", "the token issuer (iss) is not accepted")]
    [InlineData("aud", "another-api", "the token audience (aud) is not accepted")]
    [InlineData("sub", "", "the token has no sub claim")]
    [InlineData("exp", "soon", "the token has no numeric exp claim")]
    [InlineData("shop_id", "", "the token has no shop_id claim; only admin tokens span all shops")]
    public void Wrong_or_missing_claims_are_refused(string claim, string value, string error)
    {
        using var validator = Hs();
        var claims = JwtTokens.Claims(Now);
        claims[claim] = value;

        Assert.Equal(error, validator.Validate(JwtTokens.Hs256(claims)).Error);
    }

    [Fact]
    public void Token_without_known_roles_is_refused()
    {
        using var validator = Hs();

        Assert.Equal("the token carries none of the roles ingest, analyst, admin",
            validator.Validate(JwtTokens.Hs256(JwtTokens.Claims(Now, ["owner"]))).Error);
    }

    [Fact]
    public void Alg_none_is_refused()
    {
        using var validator = Hs();

        Assert.Equal("token algorithm 'none' is not accepted; this service accepts HS256 only",
            validator.Validate(JwtTokens.None(JwtTokens.Claims(Now))).Error);
    }

    [Fact]
    public void HS256_token_signed_with_the_RS256_public_key_is_refused()
    {
        using var validator = Rs();
        var publicKeyBytes = Encoding.ASCII.GetBytes(_rsa.ExportSubjectPublicKeyInfoPem());

        var pem = validator.Validate(JwtTokens.HsWithKeyBytes(JwtTokens.Claims(Now), publicKeyBytes));
        var der = validator.Validate(JwtTokens.HsWithKeyBytes(JwtTokens.Claims(Now), _rsa.ExportSubjectPublicKeyInfo()));

        Assert.Equal("token algorithm 'HS256' is not accepted; this service accepts RS256 only", pem.Error);
        Assert.Equal(pem.Error, der.Error);
        Assert.Null(pem.Caller);
    }

    [Fact]
    public void RS256_token_given_to_an_HS256_validator_is_refused()
    {
        using var validator = Hs();

        Assert.Equal("token algorithm 'RS256' is not accepted; this service accepts HS256 only",
            validator.Validate(JwtTokens.Rs256(JwtTokens.Claims(Now), _rsa)).Error);
    }

    [Fact]
    public void Tampered_signature_is_refused_for_both_algorithms()
    {
        using var hs = Hs();
        using var rs = Rs();
        var hsToken = JwtTokens.Hs256(JwtTokens.Claims(Now));
        var rsToken = JwtTokens.Rs256(JwtTokens.Claims(Now), _rsa);

        Assert.Equal("the token signature is invalid", hs.Validate(FlipLastSignatureChar(hsToken)).Error);
        Assert.Equal("the token signature is invalid", rs.Validate(FlipLastSignatureChar(rsToken)).Error);
        Assert.Equal("the token signature is invalid", hs.Validate(JwtTokens.Hs256(JwtTokens.Claims(Now), "another-secret-of-at-least-32-bytes!!")).Error);
    }

    [Fact]
    public void Tampered_payload_is_refused()
    {
        using var validator = Hs();
        var parts = JwtTokens.Hs256(JwtTokens.Claims(Now, ["analyst"])).Split('.');
        var escalated = JwtTokens.Part(JwtTokens.Claims(Now, ["admin"]));

        Assert.Equal("the token signature is invalid", validator.Validate($"{parts[0]}.{escalated}.{parts[2]}").Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("a.b")]
    [InlineData("!!.??.**")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.e30.")]
    [InlineData("bm90IGpzb24.e30.c2ln")]
    public void Malformed_tokens_are_refused(string token)
    {
        using var validator = Hs();

        Assert.Equal("the token is not a well-formed JWT", validator.Validate(token).Error);
    }

    [Theory]
    [InlineData("none", null, null, "Security:Jwt:Algorithm 'none' is not supported; valid values are HS256 and RS256")]
    [InlineData("HS256", "short", null, "Security:Jwt:Secret must be at least 32 bytes for HS256")]
    [InlineData("RS256", null, "not a pem", "Security:Jwt:PublicKeyPem must be a PEM RSA public key of at least 2048 bits for RS256")]
    public void Configuration_errors_name_the_setting(string alg, string? secret, string? pem, string error)
    {
        var options = new JwtOptions { Algorithm = alg, Secret = secret, PublicKeyPem = pem, Issuer = "i", Audience = "a" };

        Assert.Equal([error], JwtValidator.Check(options).ToArray());
        Assert.Throws<ArgumentException>(() => new JwtValidator(options, _time));
    }

    private static string FlipLastSignatureChar(string token) =>
        token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];

    public void Dispose() => _rsa.Dispose();

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
