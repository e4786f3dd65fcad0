namespace FoodFast.Analytics.Api.Security.Jwt;

/// <summary><c>Security:Jwt</c>: tokens from FoodFast's identity service. The algorithm is pinned: tokens with any other <c>alg</c> are refused.</summary>
public sealed class JwtOptions
{
    /// <summary><c>HS256</c> (shared <see cref="Secret"/>) or <c>RS256</c> (<see cref="PublicKeyPem"/>).</summary>
    public string Algorithm { get; set; } = "";

    /// <summary>HS256 shared secret (UTF-8), at least 32 bytes.</summary>
    public string? Secret { get; set; }

    /// <summary>RS256 public key in PEM (<c>-----BEGIN PUBLIC KEY-----</c>), at least 2048 bits.</summary>
    public string? PublicKeyPem { get; set; }

    /// <summary>Required <c>iss</c>.</summary>
    public string Issuer { get; set; } = "";

    /// <summary>Required <c>aud</c> (the token's <c>aud</c> may be a string or a list containing it).</summary>
    public string Audience { get; set; } = "";

    /// <summary>Tolerance for <c>exp</c> and <c>nbf</c> between clocks, in seconds (0-300, default 30).</summary>
    public int ClockSkewSeconds { get; set; } = 30;
}
