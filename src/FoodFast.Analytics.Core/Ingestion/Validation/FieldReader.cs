using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using FoodFast.Analytics.Core.Orders;
using FoodFast.Analytics.Core.Validation;
using FoodFast.Analytics.Core.Wire;

namespace FoodFast.Analytics.Core.Ingestion.Validation;

/// <summary>
/// Reads the fields of one JSON object and collects every problem with its path instead of stopping at the
/// first, so a producer learns everything wrong with an item at once. Absent and null are the same.
/// </summary>
public sealed class FieldReader(JsonElement element, string path, List<FieldProblem> problems)
{
    public JsonElement Element => element;

    public string Path(string name) => path.Length == 0 ? name : name.Length == 0 ? path : $"{path}.{name}";

    public void Problem(string name, string message) => problems.Add(new FieldProblem(Path(name), message));

    public bool TryGet(string name, out JsonElement value)
    {
        value = default;
        return element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;
    }

    /// <summary>The text of a string value, or null (with a problem) when it is not valid Unicode (invalid UTF-8, a lone surrogate).</summary>
    private string? Text(string name, JsonElement value)
    {
        if (JsonText.TryGetString(value, out var text))
        {
            return text;
        }
        Problem(name, "must be valid Unicode text (no invalid UTF-8 or lone surrogate)");
        return null;
    }

    public string? String(string name, int maxLength, bool required = false, Regex? pattern = null, string? expected = null)
    {
        if (!TryGet(name, out var value))
        {
            MissingIf(name, required);
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            Problem(name, "must be a string");
            return null;
        }
        if (Text(name, value) is not { } text)
        {
            return null;
        }
        if (required && text.Length == 0)
        {
            Problem(name, "must not be empty");
        }
        else if (text.Length > maxLength)
        {
            Problem(name, $"must be at most {maxLength} characters, got {text.Length}");
        }
        else if (!Patterns.IsStorableText(text))
        {
            Problem(name, "must be valid Unicode text without NUL characters");
        }
        else if (pattern is not null && !pattern.IsMatch(text))
        {
            Problem(name, $"must be {expected}, got '{Truncate(text)}'");
        }
        return text;
    }

    /// <summary>A shop id: required, plain characters only (it becomes part of keys and names).</summary>
    public string? ShopId(string name = "shopId") => String(name, 64, required: true, Patterns.ShopId(), Patterns.ShopIdExpected);

    public decimal? Decimal(string name, bool required = false, decimal min = 0, decimal max = ValidationRules.MaxAmount, int maxScale = 2)
    {
        if (!TryGet(name, out var value))
        {
            MissingIf(name, required);
            return null;
        }
        if (!Money.TryRead(value, out var number))
        {
            Problem(name, $"must be {Money.Expected}, got {Received(value)}");
            return null;
        }
        if (number < min || number > max)
        {
            Problem(name, $"must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}, got {number.ToString(CultureInfo.InvariantCulture)}");
        }
        else if (decimal.Round(number, maxScale) != number)
        {
            Problem(name, $"must have at most {maxScale} decimal places, got {number.ToString(CultureInfo.InvariantCulture)}");
        }
        return number;
    }

    public int? Int(string name, bool required = false, int min = 0, int max = int.MaxValue)
    {
        if (!TryGet(name, out var value))
        {
            MissingIf(name, required);
            return null;
        }
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            Problem(name, "must be a whole number");
            return null;
        }
        if (number < min || number > max)
        {
            Problem(name, $"must be between {min} and {max}, got {number}");
        }
        return number;
    }

    /// <summary>An ISO-8601 instant with an offset, not in the future beyond the clock skew, not before the horizon.</summary>
    public DateTimeOffset? Timestamp(string name, ValidationRules rules, bool required = false)
    {
        if (!TryGet(name, out var value))
        {
            MissingIf(name, required);
            return null;
        }
        if (value.ValueKind != JsonValueKind.String || !JsonText.TryGetString(value, out var text) || !IsoTime.TryParse(text, out var instant))
        {
            Problem(name, $"must be {IsoTime.Expected}, got {Received(value)}");
            return null;
        }
        if (instant > rules.Latest)
        {
            Problem(name, $"is in the future ({Iso(instant)}; the latest accepted is {Iso(rules.Latest)})");
        }
        else if (instant < rules.Horizon)
        {
            Problem(name, $"is before the accepted horizon {Iso(rules.Horizon)}");
        }
        return instant;
    }

    public TEnum? Enum<TEnum>(string name, bool required = false) where TEnum : struct, Enum
    {
        if (!TryGet(name, out var value))
        {
            MissingIf(name, required);
            return null;
        }
        if (value.ValueKind == JsonValueKind.String && JsonText.TryGetString(value, out var wire) && WireNames.TryParse<TEnum>(wire, out var parsed))
        {
            return parsed;
        }
        Problem(name, $"must be one of {string.Join(", ", WireNames.All<TEnum>())}; got {Received(value)}");
        return null;
    }

    public Guid? Uuid(string name, bool required = false)
    {
        if (!TryGet(name, out var value))
        {
            MissingIf(name, required);
            return null;
        }
        if (value.ValueKind == JsonValueKind.String && JsonText.TryGetString(value, out var text) && Guid.TryParse(text, out var id) && id != Guid.Empty)
        {
            return id;
        }
        Problem(name, "must be a non-empty UUID such as 5b6f3c0e-8d7e-4a52-9c8e-2f8b1f7a9e10");
        return null;
    }

    private void MissingIf(string name, bool required)
    {
        if (required)
        {
            Problem(name, "is required");
        }
    }

    private static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A received value as a problem quotes it: strings quoted and bounded, anything else by its kind.</summary>
    public static string Received(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => JsonText.TryGetString(value, out var text) ? $"'{Truncate(text)}'" : "text that is not valid Unicode",
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => Truncate(value.GetRawText()),
        var kind => JsonText.Kind(kind),
    };

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
