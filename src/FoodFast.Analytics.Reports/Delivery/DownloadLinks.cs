using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FoodFast.Analytics.ServiceData;
using FoodFast.Analytics.ServiceData.ReportJobs;
using FoodFast.Analytics.ServiceData.Secrets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Reports.Delivery;

/// <summary>
/// Signed download links: <c>/api/v1/reports/{id}/download?expires=&lt;unix&gt;&amp;signature=&lt;hex&gt;</c>, where the
/// signature is HMAC-SHA256 over <c>"&lt;id as 32 hex digits&gt;.&lt;expires&gt;"</c> with the link signing key. They work
/// without an API key until they expire; changing the id or the expiry breaks the signature.
/// </summary>
public sealed class DownloadLinks(IDbContextFactory<ServiceDbContext> contexts, IOptions<DeliveryOptions> options, TimeProvider time)
{
    public const string SecretName = "link_signing_key";
    private byte[]? _key;

    /// <summary>An absolute link to <paramref name="job"/>'s file, valid for <c>LinkLifetimeHours</c> but never past the file's expiry.</summary>
    public async Task<SignedLink> CreateAsync(ReportJobRecord job, CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow().AddHours(options.Value.LinkLifetimeHours);
        if (job.ExpiresAt is { } fileExpiry && fileExpiry < until)
        {
            until = fileExpiry;
        }
        var expires = until.ToUnixTimeSeconds();
        var signature = Sign(await KeyAsync(cancellationToken), job.Id, expires);
        return new SignedLink($"{options.Value.PublicBaseUrl.TrimEnd('/')}/api/v1/reports/{job.Id}/download?expires={expires}&signature={signature}",
            DateTimeOffset.FromUnixTimeSeconds(expires));
    }

    /// <summary>Whether the link parameters are a valid signature for <paramref name="id"/>, and whether they are still in time.</summary>
    public async Task<LinkCheck> CheckAsync(Guid id, string? expires, string? signature, CancellationToken cancellationToken)
    {
        if (!long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt) || signature is not { Length: 64 }
            || !IsHex(signature))
        {
            return LinkCheck.Invalid;
        }
        var expected = Encoding.ASCII.GetBytes(Sign(await KeyAsync(cancellationToken), id, expiresAt));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature.ToLowerInvariant())))
        {
            return LinkCheck.Invalid;
        }
        return time.GetUtcNow().ToUnixTimeSeconds() < expiresAt ? LinkCheck.Valid : LinkCheck.Expired;
    }

    /// <summary>Lower-case hex HMAC-SHA256 over <c>"&lt;id:N&gt;.&lt;expires&gt;"</c>.</summary>
    public static string Sign(byte[] key, Guid id, long expires) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes($"{id:N}.{expires.ToString(CultureInfo.InvariantCulture)}")));

    private async Task<byte[]> KeyAsync(CancellationToken cancellationToken)
    {
        if (_key is { } key)
        {
            return key;
        }
        var text = options.Value.LinkSigningKey;
        if (string.IsNullOrEmpty(text))
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            text = await db.GetOrCreateSecretAsync(SecretName, () => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), cancellationToken);
        }
        return _key = Encoding.UTF8.GetBytes(text);
    }

    private static bool IsHex(string text) => text.All(char.IsAsciiHexDigit);
}

/// <summary>An absolute download link and the moment it stops working.</summary>
public sealed record SignedLink(string Url, DateTimeOffset ExpiresAt);

public enum LinkCheck
{
    Valid,
    Invalid,
    Expired,
}
