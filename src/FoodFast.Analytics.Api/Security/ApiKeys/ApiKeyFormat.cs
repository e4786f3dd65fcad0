using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace FoodFast.Analytics.Api.Security.ApiKeys;

/// <summary>
/// Keys look like <c>ffk_</c> + 43 base64url characters (32 random bytes): URL-safe, no dots (so never mistaken
/// for a JWT). Only the SHA-256 is stored; the first 12 characters are kept visible to tell keys apart.
/// </summary>
public static class ApiKeyFormat
{
    public const string Marker = "ffk_";
    public const int PrefixLength = 12;

    public static string Generate() => Marker + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public static string Prefix(string key) => key[..Math.Min(PrefixLength, key.Length)];
}
