using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FoodFast.Analytics.Reports.Delivery;

/// <summary>
/// <c>X-FoodFast-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</c>: HMAC-SHA256 with the target's secret over the
/// timestamp, a dot and the raw body. The timestamp lets a receiver refuse replays of old deliveries.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-FoodFast-Signature";

    public static string Create(string secret, long timestamp, ReadOnlySpan<byte> body) =>
        $"t={timestamp.ToString(CultureInfo.InvariantCulture)},v1={Compute(secret, timestamp, body)}";

    public static string Compute(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes($"{timestamp.ToString(CultureInfo.InvariantCulture)}.");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }
}
