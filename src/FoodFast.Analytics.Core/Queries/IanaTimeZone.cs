using FoodFast.Analytics.Core.Validation;


namespace FoodFast.Analytics.Core.Queries;

/// <summary>
/// The one time-zone check of the service (queries, named endpoints, reports, schedules, dashboards): IANA ids only.
/// On Linux .NET also finds Windows ids (<c>W. Europe Standard Time</c>) through ICU, but Postgres, Elasticsearch and
/// Quartz's stored triggers know only IANA names, so a Windows id would pass here and fail later.
/// </summary>
public static class IanaTimeZone
{
    public const string Expected = "an IANA time zone such as Europe/Berlin";

    public static bool TryFind(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64 || !Patterns.IsStorableText(id)
            || !TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) || !found.HasIanaId)
        {
            return false;
        }
        zone = found;
        return true;
    }

    public static bool IsValid(string? id) => TryFind(id, out _);

    /// <summary>The problem message for an id that is not accepted, saying why when it is a Windows id.</summary>
    public static string Problem(string? id) =>
        id is not null && TimeZoneInfo.TryConvertWindowsIdToIanaId(id, out var iana)
            ? $"'{id}' is a Windows time zone id; send {Expected} (here probably {iana})"
            : $"'{(id is null ? "" : id.Length > 64 ? id[..64] + "…" : id)}' is not {Expected}";
}
