namespace FoodFast.Analytics.Reports.Writers.Xlsx;

/// <summary>Unique, valid sheet names: at most 31 characters, none of <c>[]:*?/\</c>, "Orders", "Orders (2)", ...</summary>
internal sealed class SheetNames
{
    private const int MaxLength = 31;
    private readonly HashSet<string> used = new(StringComparer.OrdinalIgnoreCase);

    public void Claim(string name) => used.Add(name);

    public string Next(string tableName)
    {
        var clean = new string(tableName.Where(c => !"[]:*?/\\".Contains(c)).ToArray()).Trim('\'', ' ');
        if (clean.Length == 0)
        {
            clean = "Data";
        }
        var name = Truncate(clean, MaxLength);
        for (var n = 2; !used.Add(name); n++)
        {
            var suffix = $" ({n})";
            name = Truncate(clean, MaxLength - suffix.Length) + suffix;
        }
        return name;
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
