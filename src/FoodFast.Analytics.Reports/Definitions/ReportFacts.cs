namespace FoodFast.Analytics.Reports.Definitions;

/// <summary>The parameters block every report shows.</summary>
internal static class ReportFacts
{
    public static IReadOnlyList<KeyValuePair<string, string>> Describe(ReportContext context, params KeyValuePair<string, string>[] more) =>
    [
        new("Shop", context.ShopLabel),
        new("Period", context.Period.Describe()),
        new("Time zone", context.Period.TimeZone),
        .. more,
    ];
}
