using FoodFast.Analytics.Api.Security.ApiKeys;
using FoodFast.Analytics.Api.Security.Jwt;

namespace FoodFast.Analytics.Api.Security.Authentication;

/// <summary>Turns a presented credential into a <see cref="Caller"/>, or the reason it is refused.</summary>
internal sealed class CredentialVerifier(ApiKeyLookup keys, TimeProvider time, JwtValidator? jwt = null)
{
    public const string KeyRefused = "The API key is unknown, expired or revoked.";

    public bool JwtEnabled => jwt is not null;

    public async Task<(Caller? Caller, string? Error)> VerifyAsync(Credential credential, CancellationToken cancellationToken)
    {
        if (credential.Kind == CredentialKind.Jwt)
        {
            if (jwt is null)
            {
                return (null, "Bearer tokens (JWT) are not accepted by this service; send an API key.");
            }
            var result = jwt.Validate(credential.Value);
            return (result.Caller, result.Error is null ? null : $"The bearer token was refused: {result.Error}.");
        }
        var key = await keys.FindAsync(credential.Value, cancellationToken);
        var now = time.GetUtcNow();
        if (key is null || key.RevokedAt is not null || key.ExpiresAt <= now)
        {
            return (null, KeyRefused);
        }
        var roles = Roles.ParseKnown(key.Roles);
        return (new Caller($"key:{key.Id}", key.Id, roles, key.ShopId), null);
    }
}
