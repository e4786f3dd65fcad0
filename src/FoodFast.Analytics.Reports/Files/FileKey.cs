using System.Text.RegularExpressions;

namespace FoodFast.Analytics.Reports.Files;

/// <summary>
/// The only keys a file store accepts: one to four '/'-separated segments of letters, digits, '.', '_' and '-',
/// each starting with a letter or digit. So no "..", no absolute paths, no backslashes, no hidden names:
/// a key can never point outside the store.
/// </summary>
public static partial class FileKey
{
    public const int MaxSegments = 4;

    public static bool IsValid(string? key) =>
        !string.IsNullOrEmpty(key) && key.Length <= 512 && key.Split('/') is { Length: <= MaxSegments } segments
        && segments.All(Segment().IsMatch);

    public static void Validate(string? key)
    {
        if (!IsValid(key))
        {
            throw new ArgumentException(
                $"Invalid file key '{key}': use up to {MaxSegments} '/'-separated names of letters, digits, '.', '_' and '-', each starting with a letter or digit.",
                nameof(key));
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex Segment();
}
