using System.Globalization;
using System.Text.RegularExpressions;

namespace FoodFast.Analytics.Core.Wire;

/// <summary>
/// The only time formats the API reads: ISO-8601 instants (<c>2026-11-21T09:30:00Z</c>, with an offset) and dates
/// (<c>2026-11-21</c>, midnight UTC). Culture formats such as <c>11/10/2026</c> are ambiguous (month first or day
/// first?) and refused.
/// </summary>
public static partial class IsoTime
{
    public const string Expected = "an ISO-8601 instant such as 2026-11-21T09:30:00Z (or a date such as 2026-11-21)";

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|z|[+-]\d{2}(:?\d{2})?)?)?$")]
    private static partial Regex Shape();

    public static bool IsIso(string? text) => text is not null && Shape().IsMatch(text);

    public static bool TryParse(string? text, out DateTimeOffset instant)
    {
        instant = default;
        return IsIso(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant);
    }
}
