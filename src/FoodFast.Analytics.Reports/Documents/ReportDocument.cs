namespace FoodFast.Analytics.Reports.Documents;

/// <summary>
/// What a report says, independent of where its data came from and of the format it is rendered in.
/// Writers render it as CSV (the main table only), XLSX, HTML or PDF.
/// </summary>
public sealed record ReportDocument
{
    public required string Title { get; init; }
    public required string ShopId { get; init; }
    public required ReportPeriod Period { get; init; }

    /// <summary>The parameters the report was asked with, in the order they are shown.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; } = [];
    public IReadOnlyList<KpiTile> Kpis { get; init; } = [];
    public IReadOnlyList<ReportChart> Charts { get; init; } = [];

    /// <summary>At least one; the first is the main table (the only one CSV contains).</summary>
    public required IReadOnlyList<ReportTable> Tables { get; init; }

    public ReportTable MainTable => Tables.Count > 0
        ? Tables[0]
        : throw new InvalidOperationException($"Report '{Title}' has no table.");
}

/// <summary>
/// One headline figure: a typed value, described like a table column (its name is the tile's label in words, its
/// type and currency say how to write the value: money with its currency, counts as whole numbers).
/// </summary>
/// <param name="Delta">Change against the comparison period, formatted ("+4.2 %"); null when there is none.</param>
public sealed record KpiTile(ReportColumn Column, object? Value, string? Delta = null)
{
    public string Label => Column.Name;
}
