using System.Text.RegularExpressions;

namespace FoodFast.Analytics.Core.Validation;

public static partial class Patterns
{
    /// <summary>Shop ids become parts of keys, index names and file names: keep them plain.</summary>
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
    public static partial Regex ShopId();

    [GeneratedRegex("^[A-Z]{3}$")]
    public static partial Regex Currency();

    [GeneratedRegex("^[A-Z]{2}$")]
    public static partial Regex Country();

    public static bool IsShopId(string? value) => value is not null && ShopId().IsMatch(value);

    /// <summary>Text Postgres and Elasticsearch can store: valid UTF-16 (no lone surrogates) without NUL.</summary>
    public static bool IsStorableText(string value)
    {
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            return false;
        }
        try
        {
            _ = Strict.GetByteCount(value);
            return true;
        }
        catch (System.Text.EncoderFallbackException)
        {
            return false;
        }
    }

    private static readonly System.Text.UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public const string ShopIdExpected = "1-64 letters, digits, '_', '.' or '-' (starting with a letter or digit)";
    public const string CurrencyExpected = "an ISO 4217 code in upper case such as EUR";
    public const string CountryExpected = "an ISO 3166-1 alpha-2 code in upper case such as DE";
}
