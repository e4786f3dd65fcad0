namespace FoodFast.Analytics.Api.Security;

/// <summary>What a caller may do. On the wire (keys, tokens, JSON) roles are the lower-case names.</summary>
public enum Role
{
    /// <summary>Writes orders and events.</summary>
    Ingest,

    /// <summary>Reads analytics, creates and downloads reports, manages its shop's report schedules, follows the live feed.</summary>
    Analyst,

    /// <summary>Everything, for all shops: manages keys, and any shop's report schedules. Passes every role check.</summary>
    Admin,
}

public static class Roles
{
    public static IReadOnlyList<Role> All { get; } = Enum.GetValues<Role>();

    public static string Name(this Role role) => role.ToString().ToLowerInvariant();

    public static bool TryParse(string? value, out Role role)
    {
        foreach (var candidate in All)
        {
            if (candidate.Name() == value)
            {
                role = candidate;
                return true;
            }
        }
        role = default;
        return false;
    }

    /// <summary>The roles among <paramref name="names"/>; unknown names are ignored.</summary>
    public static HashSet<Role> ParseKnown(IEnumerable<string> names) =>
        names.Select(n => TryParse(n, out var r) ? r : (Role?)null).OfType<Role>().ToHashSet();

    /// <summary>The valid names, for error messages: <c>ingest, analyst, admin</c>.</summary>
    public static string Names => string.Join(", ", All.Select(Name));
}
