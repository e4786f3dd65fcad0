using Microsoft.Net.Http.Headers;

namespace FoodFast.Analytics.Api.Security.Authentication;

/// <summary>What a request presented: an API key or a JWT.</summary>
public sealed record Credential(CredentialKind Kind, string Value)
{
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>
    /// <c>Authorization: ApiKey &lt;key&gt;</c>, <c>Authorization: Bearer &lt;key or JWT&gt;</c>, or <c>X-Api-Key</c>.
    /// A bearer value with dots is a JWT (our keys are base64url, which has none). Null when nothing usable was sent.
    /// </summary>
    public static Credential? Read(IHeaderDictionary headers)
    {
        var authorization = headers[HeaderNames.Authorization].ToString();
        var space = authorization.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0)
        {
            var scheme = authorization[..space];
            var value = authorization[(space + 1)..].Trim();
            if (value.Length > 0 && scheme.Equals("ApiKey", StringComparison.OrdinalIgnoreCase))
            {
                return new Credential(CredentialKind.ApiKey, value);
            }
            if (value.Length > 0 && scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
            {
                return new Credential(value.Contains('.', StringComparison.Ordinal) ? CredentialKind.Jwt : CredentialKind.ApiKey, value);
            }
        }
        var header = headers[ApiKeyHeader].ToString().Trim();
        return header.Length > 0 ? new Credential(CredentialKind.ApiKey, header) : null;
    }
}

public enum CredentialKind
{
    ApiKey,
    Jwt,
}
