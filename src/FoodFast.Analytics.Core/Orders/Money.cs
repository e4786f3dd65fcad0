using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using FoodFast.Analytics.Core.Wire;

namespace FoodFast.Analytics.Core.Orders;

/// <summary>
/// Money on the wire: a JSON number (<c>12.5</c>) or a decimal string (<c>"12.50"</c>, as many commerce platforms send
/// it so no binary float touches it), read exactly into a <see cref="decimal"/>. A comma, an exponent, NaN or
/// Infinity is refused.
/// </summary>
public static partial class Money
{
    public const string Expected = "an amount as a JSON number or a decimal string such as \"12.50\" (a dot, no exponent)";

    [GeneratedRegex(@"^-?\d{1,18}(\.\d{1,10})?$")]
    private static partial Regex DecimalText();

    public static bool TryRead(JsonElement value, out decimal amount)
    {
        amount = 0;
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetDecimal(out amount),
            JsonValueKind.String => JsonText.TryGetString(value, out var text) && TryParse(text, out amount),
            _ => false,
        };
    }

    public static bool TryParse(string text, out decimal amount)
    {
        amount = 0;
        return DecimalText().IsMatch(text) && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount);
    }
}
